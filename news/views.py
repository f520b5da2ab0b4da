from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_protect

from core.ratelimit import may_send_mail

from . import services
from .forms import MessageForm

if TYPE_CHECKING:
    from .models import ContactFormPage

TOO_MANY_MESSAGES = _(
    "You sent several messages in a short time, so we take no more for now. "
    "Try again in an hour. Your text is still here."
)
SENT = "verzonden"


@csrf_protect
def serve_contact_form(request: HttpRequest, *, page: ContactFormPage) -> HttpResponse:
    """The page with its form; a valid post keeps the message and e-mails the coordinator,
    then leads to the same page with a thank-you (post, redirect, get)."""
    if request.method == "POST":
        form = MessageForm(request.POST, kind=page.kind)
        status = HTTPStatus.OK
        if form.is_valid():
            if may_send_mail(
                request, action="contact_message", recipient=form.cleaned_data["email"]
            ):
                services.send_message(
                    kind=page.kind,
                    user=request.user if request.user.is_authenticated else None,
                    region=getattr(request, "region", None),
                    **form.cleaned_data,
                )
                return redirect(f"{page.get_url(request)}?{SENT}=ja")
            form.add_error(None, TOO_MANY_MESSAGES)
            status = HTTPStatus.TOO_MANY_REQUESTS
        response = TemplateResponse(
            request, page.get_template(request), {**page.get_context(request), "form": form}
        )
        response.status_code = status
        return response
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=HTTPStatus.METHOD_NOT_ALLOWED)
    is_sent = request.GET.get(SENT) == "ja"
    return TemplateResponse(
        request,
        page.get_template(request),
        {
            **page.get_context(request),
            "form": None if is_sent else MessageForm(kind=page.kind),
            "is_sent": is_sent,
        },
    )

from __future__ import annotations

import base64
import binascii
import hmac
import json
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.ratelimit import TOO_MANY_MAILS, may_send_mail

from . import bounces, links, services
from .forms import SubscribeForm


def subscribe(request: HttpRequest, page: Any) -> TemplateResponse:
    """/nieuwsbrief/ (a route of the newsletter page): the form, and after a valid post
    the same "look in your mailbox" whether the address is new, waiting or subscribed."""
    region = getattr(request, "region", None)
    form = SubscribeForm(request.POST or None, initial={"regions": [region] if region else []})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not may_send_mail(request, action="newsletter_subscription", recipient=data["email"]):
            form.add_error(None, str(TOO_MANY_MAILS))
        else:
            try:
                services.subscribe(
                    email=data["email"],
                    regions=list(data["regions"]),
                    roles=data["roles"],
                    themes=data["themes"],
                    source=f"form: {request.get_host().split(':')[0]}",
                    consent_text=str(form.fields["consent"].label),
                )
            except services.NewsletterError as error:
                form.add_error(None, error.message)
            else:
                return page.render(
                    request,
                    context_overrides={"email": data["email"]},
                    template="newsletter/check_email.html",
                )
    status = HTTPStatus.BAD_REQUEST if form.errors else HTTPStatus.OK
    response = page.render(
        request, context_overrides={"form": form}, template="newsletter/subscribe.html"
    )
    response.status_code = status
    return response  # type: ignore[no-any-return]


def _link_problem(request: HttpRequest, error: links.LinkError, kind: links.Kind) -> HttpResponse:
    if error.expired:
        text = _(
            "This confirmation link is more than five days old. Subscribe again on the "
            "newsletter page; you get a new link at once."
        )
        return render(
            request,
            "newsletter/message.html",
            {"title": _("This link has expired"), "text": text},
            status=HTTPStatus.GONE,
        )
    return render(
        request,
        "newsletter/message.html",
        {
            "title": _("This link does not work"),
            "text": _("Check that you copied the whole link from the e-mail."),
        },
        status=HTTPStatus.NOT_FOUND,
    )


@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation e-mail: a button, so a mail scanner that opens links
    does not subscribe anyone."""
    try:
        subscriber = links.open_link(token, links.Kind.CONFIRM)
    except links.LinkError as error:
        return _link_problem(request, error, links.Kind.CONFIRM)
    if request.method == "POST":
        try:
            subscriber = services.confirm_subscription(subscriber=subscriber)
        except services.NewsletterError as error:
            return render(
                request,
                "newsletter/message.html",
                {"title": _("Not confirmed"), "text": error.message},
                status=HTTPStatus.BAD_REQUEST,
            )
        return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


# Mail programs post here without a CSRF token (RFC 8058 one-click); the signed token in
# the address is what protects it.
@csrf_exempt
@never_cache
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """The unsubscribe link of every edition: a page with one button, and the RFC 8058
    one-click POST ("List-Unsubscribe=One-Click") that mail programs send themselves."""
    try:
        subscriber = links.open_link(token, links.Kind.UNSUBSCRIBE)
    except links.LinkError as error:
        return _link_problem(request, error, links.Kind.UNSUBSCRIBE)
    if request.method == "POST":
        services.unsubscribe(subscriber=subscriber)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("You are unsubscribed."), content_type="text/plain")
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


def _has_webhook_secret(request: HttpRequest) -> bool:
    secret = str(getattr(settings, "NEWSLETTER_WEBHOOK_SECRET", ""))
    header = request.headers.get("Authorization", "")
    if not secret or not header.startswith("Basic "):
        return False
    try:
        _user, _sep, password = base64.b64decode(header[6:]).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return False
    return hmac.compare_digest(password.encode(), secret.encode())


@csrf_exempt
@require_POST
def bounce_webhook(request: HttpRequest) -> HttpResponse:
    """Postmark's bounce and spam-complaint webhook, with HTTP basic authentication
    (Postmark puts it in the webhook's address: https://any:SECRET@host/...); the
    password is NEWSLETTER_WEBHOOK_SECRET. Without that setting the endpoint is off."""
    if not _has_webhook_secret(request):
        return HttpResponse(status=HTTPStatus.UNAUTHORIZED, headers={"WWW-Authenticate": "Basic"})
    try:
        outcome = bounces.handle_event(json.loads(request.body))
    except (ValueError, UnicodeDecodeError) as error:
        return JsonResponse({"error": str(error)}, status=HTTPStatus.BAD_REQUEST)
    return JsonResponse({"suspended": outcome.suspended, "reason": outcome.reason})

"""/mijn/api-sleutels/: a person makes and revokes their personal access tokens."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import services
from .forms import TokenForm
from .models import AccessToken


@never_cache
@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None)
    secret = ""
    if request.method == "POST" and form.is_valid():
        try:
            _token, secret = services.create_access_token(
                user=request.user,  # type: ignore[arg-type]
                name=form.cleaned_data["name"],
            )
        except services.TokenError as error:
            form.add_error("name", str(error))
        else:
            # Shown in this answer only (never_cache): a reload asks to send the form again.
            form = TokenForm()
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "secret": secret,
            "tokens": AccessToken.objects.of(request.user),
        },
    )


@require_POST
@login_required
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        token = services.revoke_access_token(user=request.user, token_id=pk)  # type: ignore[arg-type]
    except services.TokenError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The token “%(name)s” no longer works.") % {"name": token.name})
    return redirect("api_tokens:list")

"""Limits on forms that make the platform e-mail an address someone types, so nobody can
flood a mailbox through them (30 posts of a form once sent 30 e-mails).

Every such form (event registration, circle invitations and join requests, and the
newsletter when it comes; allauth's own forms have allauth's limits) calls `may_send_mail`
for each valid post, before anything is looked up or sent: the answer is then the same
whether the address is known or not. The limits are in ACCOUNT_RATE_LIMITS beside
allauth's, per recipient ("key") and per client ("ip"), and the counting is allauth's, as
for log-ins: a list of times per key in the shared default cache, changed under a lock
that cache.add() takes atomically, so every web worker counts the same posts.
"""

from allauth.core import ratelimit
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

TOO_MANY_MAILS = _(
    "This form was sent several times in a short time, so we send no more e-mail for now. "
    "Look in your mailbox for our e-mail, in the junk mail too. Or try again in an hour."
)


def may_send_mail(request: HttpRequest, *, action: str, recipient: str) -> bool:
    """Count one post of the form `action` that mails `recipient` (an e-mail address, or a
    name for a group of people); False once the recipient or this client reached the
    limit, and then the form shows TOO_MANY_MAILS instead of sending."""
    return ratelimit.consume(request, action=action, key=recipient.strip().lower())

"""Every change to the newsletter: subscribing with double opt-in, confirming,
unsubscribing, suspending after a bounce, and sending an edition exactly once per
subscriber in batches."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.services import withdraw_newsletter_consent
from core.mail import queue_email
from core.models import Region, Role, Theme
from core.tasks import deliver_emails

from . import emails
from .models import Delivery, NewsletterEdition, Sending, Subscriber

State = Subscriber.State

# The words a person agrees to; stored with each consent as the person read them.
CONSENT_TEXT = gettext_lazy(
    "Yes, send me the newsletter of Leren over armoede by e-mail, for the regions and "
    "subjects I chose. I can unsubscribe at any time with the link in every edition."
)


class NewsletterError(Exception):
    """A change that is not possible; the message is translated for the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def batch_size() -> int:
    return int(settings.NEWSLETTER_BATCH_SIZE)


# --- Subscribers ------------------------------------------------------------------------


def _locked(email: str) -> Subscriber | None:
    return Subscriber.objects.select_for_update().by_email(email).first()


@transaction.atomic
def subscribe(
    *,
    email: str,
    regions: Sequence[Region],
    roles: Iterable[Role] = (),
    themes: Iterable[Theme] = (),
    source: str,
    consent_text: str | None = None,
) -> Subscriber:
    """Someone asks for the newsletter with a form: a pending subscription and an e-mail
    with the confirmation link; nothing else is sent before it is clicked. An address that
    is already on the list gets an e-mail saying so (with the link to leave), so the form
    answers the same whether the address is known or not, and nobody can change someone
    else's choices."""
    if not regions:
        raise NewsletterError(_("Choose at least one region."))
    now = timezone.now()
    email = email.strip().lower()
    subscriber = _locked(email)
    if subscriber is not None and subscriber.is_confirmed:
        message = emails.confirm_message(subscriber, already_subscribed=True)
        queue_email(message, kind="newsletter.already_subscribed")
        return subscriber
    if subscriber is None:
        subscriber = Subscriber(email=email)
    subscriber.state = State.PENDING
    subscriber.consent_text = str(consent_text or CONSENT_TEXT)
    subscriber.consent_source = source
    subscriber.consented_at = now
    subscriber.confirmed_at = subscriber.unsubscribed_at = subscriber.suspended_at = None
    subscriber.suspension_reason = ""
    try:
        with transaction.atomic():
            subscriber.save()
    except IntegrityError as error:  # the same address at the same moment: the first wins
        raise NewsletterError(_("Something went wrong. Try again.")) from error
    subscriber.regions.set(regions)
    subscriber.roles.set(roles)
    subscriber.themes.set(themes)
    queue_email(
        emails.confirm_message(subscriber, already_subscribed=False), kind="newsletter.confirm"
    )
    return subscriber


@transaction.atomic
def confirm_subscription(*, subscriber: Subscriber) -> Subscriber:
    """The person clicked the link in the confirmation e-mail (and pressed the button)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.state == State.PENDING:
        subscriber.state = State.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["state", "confirmed_at"])
    elif not subscriber.is_confirmed:
        raise NewsletterError(
            _("This subscription was stopped. Subscribe again on the newsletter page.")
        )
    return subscriber


@transaction.atomic
def unsubscribe(*, subscriber: Subscriber) -> Subscriber:
    """Leave the list (from the link in an edition, the page, or the profile). Always
    possible and harmless to repeat. A person with an account no longer consents there."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.state != State.UNSUBSCRIBED:
        subscriber.state = State.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["state", "unsubscribed_at"])
    if subscriber.user_id is not None:
        withdraw_newsletter_consent(user=subscriber.user)
    return subscriber


@transaction.atomic
def follow_profile_consent(
    *,
    user: User,
    wants_newsletter: bool,
    regions: Sequence[Region],
    roles: Iterable[Role] = (),
    consent_text: str,
) -> Subscriber | None:
    """The newsletter consent of a person's profile (onboarding or profile page), made to
    count. Such a subscription is confirmed at once: an account can only log in after it
    confirmed its address by e-mail (ACCOUNT_EMAIL_VERIFICATION = "mandatory"), so that
    confirmation is the second step of the double opt-in."""
    email = str(getattr(user, "email", "")).strip().lower()
    subscriber = Subscriber.objects.select_for_update().filter(user=user).first() or _locked(email)
    if not wants_newsletter:
        if subscriber is not None and subscriber.state in (State.PENDING, State.CONFIRMED):
            subscriber.state = State.UNSUBSCRIBED
            subscriber.unsubscribed_at = timezone.now()
            subscriber.save(update_fields=["state", "unsubscribed_at"])
        return subscriber
    if subscriber is not None and subscriber.state == State.SUSPENDED:
        return subscriber  # the address bounced: only a confirmed form lifts that
    if subscriber is not None and subscriber.is_confirmed:
        if subscriber.user_id is None:
            subscriber.user = user
            subscriber.save(update_fields=["user"])
        return subscriber
    if not email:
        return None
    now = timezone.now()
    subscriber = subscriber or Subscriber(email=email)
    subscriber.user = user
    subscriber.email = email
    subscriber.state = State.CONFIRMED
    subscriber.consent_text = consent_text
    subscriber.consent_source = "profile"
    subscriber.consented_at = subscriber.confirmed_at = now
    subscriber.unsubscribed_at = subscriber.suspended_at = None
    subscriber.suspension_reason = ""
    subscriber.save()
    subscriber.regions.set(regions or Region.objects.all())
    subscriber.roles.set(roles)
    return subscriber


@transaction.atomic
def suspend_address(*, email: str, reason: str) -> Subscriber | None:
    """A hard bounce or a complaint: nothing more goes to the address until the person
    subscribes again (and confirms, which proves the address works)."""
    subscriber = _locked(email)
    if subscriber is None or subscriber.state == State.SUSPENDED:
        return subscriber
    subscriber.state = State.SUSPENDED
    subscriber.suspended_at = timezone.now()
    subscriber.suspension_reason = reason[:200]
    subscriber.save(update_fields=["state", "suspended_at", "suspension_reason"])
    return subscriber


# --- Sending an edition -----------------------------------------------------------------


def _sending_for(edition: NewsletterEdition) -> Sending:
    Sending.objects.get_or_create(edition=edition)
    return Sending.objects.select_for_update().get(edition=edition)


def _check_can_send(edition: NewsletterEdition, sending: Sending) -> None:
    if sending.started_at is not None:
        raise NewsletterError(_("This edition has already been sent."))
    published = NewsletterEdition.objects.filter(
        pk=edition.pk, live=True, has_unpublished_changes=False
    ).exists()
    if not published:
        raise NewsletterError(
            _("Publish the edition first: the e-mail is made from the published version.")
        )


@transaction.atomic
def send_test(*, edition: NewsletterEdition, user: User) -> None:
    """The latest version (a draft too) to the editor's own address, marked as a test."""
    to = str(getattr(user, "email", ""))
    if not to:
        raise NewsletterError(_("Your account has no e-mail address."))
    edition = edition.get_latest_revision_as_object()
    # A test has no subscriber: its unsubscribe link leads to the sign-up page instead.
    signup_url = edition.get_parent().specific.get_full_url()
    message = emails.edition_message(
        edition,
        emails.render_edition(edition),
        to=to,
        unsubscribe=signup_url,
        subject_prefix=_("[Test] "),
    )
    queue_email(message, kind="newsletter.test")


@transaction.atomic
def schedule_sending(*, edition: NewsletterEdition, at: Any | None) -> Sending:
    """Send at a moment (the clock starts it), or None to take a schedule back."""
    sending = _sending_for(edition)
    if at is not None:
        _check_can_send(edition, sending)
        if at <= timezone.now():
            raise NewsletterError(_("Choose a moment in the future."))
    elif sending.started_at is not None:
        raise NewsletterError(_("This edition has already been sent."))
    sending.scheduled_for = at
    sending.save(update_fields=["scheduled_for"])
    return sending


@transaction.atomic
def start_sending(*, edition: NewsletterEdition) -> Sending:
    """Make one delivery per confirmed subscriber of the edition's regions, in the same
    transaction that marks the sending started; batches (tasks) then send them."""
    from .tasks import send_next_batch

    sending = _sending_for(edition)
    _check_can_send(edition, sending)
    subscriber_ids = Subscriber.objects.for_regions(edition.regions.all()).values_list(
        "pk", flat=True
    )
    deliveries = (Delivery(sending=sending, subscriber_id=pk) for pk in subscriber_ids.iterator())
    created = 0
    while chunk := [d for _i, d in zip(range(1000), deliveries, strict=False)]:
        Delivery.objects.bulk_create(chunk)
        created += len(chunk)
    sending.started_at = timezone.now()
    sending.scheduled_for = None
    sending.total = created
    if not created:
        sending.finished_at = sending.started_at  # nobody to send it to
    sending.save(update_fields=["started_at", "scheduled_for", "total", "finished_at"])
    transaction.on_commit(lambda: send_next_batch.enqueue(sending_id=sending.pk))
    return sending


def send_batch(*, sending_id: int) -> int:
    """Put the next batch of an edition's deliveries in the outbox; returns how many.

    The deliveries are locked (others skip them), each message enters the outbox and its
    delivery is marked in one transaction: a worker that dies midway leaves the batch as
    it was, and the next run sends it whole. Someone who left the list since the start is
    skipped. The last batch marks the sending finished."""
    with transaction.atomic():
        batch = list(
            Delivery.objects.filter(sending_id=sending_id)
            .waiting()
            .select_for_update(skip_locked=True, of=("self",))
            .select_related("subscriber")
            .order_by("pk")[: batch_size()]
        )
        if batch:
            edition = NewsletterEdition.objects.get(sending__pk=sending_id)
            rendered = emails.render_edition(edition)
            base_url = emails.regions_base_url(edition.regions.values_list("pk", flat=True))
            now = timezone.now()
            email_ids = []
            for delivery in batch:
                subscriber = delivery.subscriber
                delivery.queued_at = now
                if not subscriber.is_confirmed:
                    delivery.is_skipped = True
                    continue
                message = emails.edition_message(
                    edition,
                    rendered,
                    to=subscriber.email,
                    unsubscribe=emails.unsubscribe_url(subscriber, base_url),
                )
                delivery.email = queue_email(message, kind="newsletter.edition", enqueue=False)
                email_ids.append(delivery.email.pk)
            Delivery.objects.bulk_update(batch, ["queued_at", "is_skipped", "email"])
            # One delivery task for the batch rather than one per message.
            transaction.on_commit(lambda: deliver_emails.enqueue(email_ids=email_ids))
        _finish_if_done(sending_id)
    return len(batch)


def _finish_if_done(sending_id: int) -> None:
    if Delivery.objects.filter(sending_id=sending_id).waiting().exists():
        return
    Sending.objects.filter(pk=sending_id, finished_at=None).update(finished_at=timezone.now())


def continue_sendings() -> int:
    """A periodic job: start what is scheduled, and go on with every unfinished sending
    (after a crash or a stopped worker a batch task may be lost). Batches lock their rows,
    so an extra task does no harm. Returns how many sendings it moved."""
    from .tasks import send_next_batch

    now = timezone.now()
    moved = 0
    for sending in Sending.objects.filter(started_at=None, scheduled_for__lte=now).select_related(
        "edition"
    ):
        try:
            start_sending(edition=sending.edition)
        except NewsletterError:
            continue
        moved += 1
    for pk in Sending.objects.filter(started_at__isnull=False, finished_at=None).values_list(
        "pk", flat=True
    ):
        send_next_batch.enqueue(sending_id=pk)
        moved += 1
    return moved


# --- Personal data ------------------------------------------------------------------------


def personal_data(*, user: Any, base_url: str) -> dict[str, Any]:
    return {
        "newsletter": [
            {
                "email": subscriber.email,
                "state": subscriber.state,
                "regions": [str(region) for region in subscriber.regions.all()],
                "roles": [str(role) for role in subscriber.roles.all()],
                "themes": [str(theme) for theme in subscriber.themes.all()],
                "consent_text": subscriber.consent_text,
                "consent_source": subscriber.consent_source,
                "consented_at": subscriber.consented_at.isoformat(),
                "confirmed_at": subscriber.confirmed_at.isoformat()
                if subscriber.confirmed_at
                else None,
                "editions_received": subscriber.deliveries.filter(is_skipped=False).count(),
            }
            for subscriber in Subscriber.objects.of_person(user).prefetch_related(
                "regions", "roles", "themes"
            )
        ]
    }


def remove_subscriptions(*, user: Any) -> None:
    """Before an account goes: also the rows with its addresses that are not linked."""
    Subscriber.objects.of_person(user).delete()

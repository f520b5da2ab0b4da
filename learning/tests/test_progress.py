from decimal import Decimal
from typing import Any

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from wagtail.rich_text import RichText

from accounts.tests.factories import OrganisationFactory, ProfileFactory
from catalogue.models import PodcastEpisodePage, PracticeAssignmentPage
from catalogue.tests.factories import create_item
from learning.models import AssignmentAnswers, LearningRecord, Verb
from learning.services import record_statement

HOST: dict[str, Any] = {"HTTP_HOST": "groningen.localhost"}


@pytest.fixture
def article(catalogue, groningen, drenthe):
    return create_item(catalogue, slug="gesprekken", regions=[groningen.region])


@pytest.fixture
def podcast(catalogue, groningen):
    return create_item(
        catalogue, slug="luister", regions=[groningen.region], kind=PodcastEpisodePage
    )


@pytest.fixture
def assignment(catalogue, groningen):
    return create_item(
        catalogue,
        slug="opdracht",
        regions=[groningen.region],
        kind=PracticeAssignmentPage,
        reflection_questions=[("question", "Wat merkte je?"), ("question", "Wat doe je anders?")],
    )


def verbs(profile, page) -> list[str]:
    return list(
        LearningRecord.objects.of(profile.user)
        .about(page)
        .order_by("timestamp")
        .values_list("verb", flat=True)
    )


def test_a_record_keeps_the_role_and_organisation_of_that_moment(article):
    profile = ProfileFactory.create(organisation=OrganisationFactory.create())
    role, organisation = profile.role, profile.organisation
    record = record_statement(actor=profile.user, verb=Verb.COMPLETED, activity=article)
    profile.role = profile.organisation = None
    profile.save()
    record.refresh_from_db()
    assert (record.role, record.organisation) == (role, organisation)
    assert record.activity_name == article.title


def test_records_of_a_page_are_found_from_its_specific_and_its_generic_object(article, profile):
    record_statement(actor=profile.user, verb=Verb.COMPLETED, activity=article)
    assert LearningRecord.objects.of(profile.user).about(article.page_ptr).count() == 1
    assert LearningRecord.objects.of(profile.user).completed_page_ids() == {article.pk}


def test_viewing_an_item_writes_nothing_and_shows_the_button(
    member_client: Client, profile, article
):
    response = member_client.get(article.url, **HOST)
    assert "Markeer als afgerond" in response.text
    assert "Je bent hier nog niet mee begonnen." in response.text
    assert verbs(profile, article) == [], "looking at an item does not begin it"


def test_an_old_started_record_from_a_visit_is_no_beginning(
    member_client: Client, profile, podcast
):
    record_statement(actor=profile.user, verb=Verb.STARTED, activity=podcast)
    assert "Je bent hier nog niet mee begonnen." in member_client.get(podcast.url, **HOST).text
    record_statement(actor=profile.user, verb=Verb.PROGRESSED, activity=podcast, progress=0.2)
    assert "Je hebt 20% bekeken of beluisterd." in member_client.get(podcast.url, **HOST).text


def test_completing_an_item_once(member_client: Client, profile, article):
    url = f"/mijn/voortgang/{article.pk}/afgerond/"
    response = member_client.post(url, **HOST)
    assert response.status_code == 302
    assert response["Location"].endswith("#voortgang")
    member_client.post(url, **HOST)
    assert verbs(profile, article) == [Verb.COMPLETED]
    page = member_client.get(article.url, **HOST).text
    assert "Afgerond op" in page
    assert "Markeer als afgerond" not in page


def test_visitors_are_asked_to_log_in(client: Client, article):
    assert "Log in</a> om bij te houden" in client.get(article.url, **HOST).text
    response = client.post(f"/mijn/voortgang/{article.pk}/afgerond/", **HOST)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert not LearningRecord.objects.exists()


def test_unknown_draft_and_other_portal_items_are_not_found(
    member_client: Client, catalogue, drenthe, article
):
    elsewhere = create_item(catalogue, slug="drents", regions=[drenthe.region])
    draft = create_item(
        catalogue, slug="concept", regions=[drenthe.region, article.regions.first()]
    )
    draft.unpublish()
    for page_id in (elsewhere.pk, draft.pk, catalogue.pk, 999_999):
        response = member_client.post(f"/mijn/voortgang/{page_id}/afgerond/", **HOST)
        assert response.status_code == 404
    assert not LearningRecord.objects.exists()


def test_completing_needs_a_post(member_client: Client, article):
    assert member_client.get(f"/mijn/voortgang/{article.pk}/afgerond/", **HOST).status_code == 405


def test_media_completes_at_ninety_percent(member_client: Client, profile, podcast):
    url = f"/mijn/voortgang/{podcast.pk}/media/"
    assert member_client.post(url, {"progress": "0.5"}, **HOST).json() == {"completed": False}
    assert member_client.post(url, {"progress": "0.3"}, **HOST).json() == {"completed": False}
    assert member_client.post(url, {"progress": "0.9"}, **HOST).json() == {"completed": True}
    assert member_client.post(url, {"progress": "1"}, **HOST).json() == {"completed": True}
    assert verbs(profile, podcast) == [
        Verb.PROGRESSED,
        Verb.PROGRESSED,
        Verb.COMPLETED,
        Verb.PROGRESSED,
    ], "lower progress is not recorded again, completion only once"


@pytest.mark.parametrize("value", ["1.5", "-0.1", "veel", ""])
def test_media_progress_refuses_nonsense(member_client: Client, podcast, value):
    response = member_client.post(
        f"/mijn/voortgang/{podcast.pk}/media/", {"progress": value}, **HOST
    )
    assert response.status_code == 400
    assert not LearningRecord.objects.exists()


def test_answers_are_saved_as_draft_and_handed_in(member_client: Client, profile, assignment):
    url = f"/mijn/opdrachten/{assignment.pk}/"
    first, second = (block.id for block in assignment.reflection_questions)
    page = member_client.get(url, **HOST)
    assert "Wat merkte je?" in page.text
    member_client.post(url, {f"q-{first}": "Ze schaamden zich.", "action": "draft"}, **HOST)
    assert verbs(profile, assignment) == []

    refused = member_client.post(
        url, {f"q-{first}": "Ze schaamden zich.", "action": "submit"}, **HOST
    )
    assert refused.status_code == 200
    assert "Beantwoord elke vraag" in refused.text
    assert "Ze schaamden zich." in refused.text, "the typed text stays"

    member_client.post(
        url,
        {f"q-{first}": "Ze schaamden zich.", f"q-{second}": "Eerder vragen.", "action": "submit"},
        **HOST,
    )
    answers = AssignmentAnswers.objects.get(user=profile.user)
    assert answers.is_submitted
    assert answers.answers == {first: "Ze schaamden zich.", second: "Eerder vragen."}
    assert verbs(profile, assignment) == [Verb.ANSWERED, Verb.COMPLETED]
    assert not any("schaamden" in str(r.extensions) for r in LearningRecord.objects.all())


def test_nobody_reads_anothers_answers(client: Client, profile, assignment):
    question = next(iter(assignment.reflection_questions)).id
    AssignmentAnswers.objects.create(
        user=profile.user, page=assignment, answers={question: "Geheim antwoord"}
    )
    client.force_login(ProfileFactory.create().user)
    response = client.get(f"/mijn/opdrachten/{assignment.pk}/", **HOST)
    assert response.status_code == 200
    assert "Geheim antwoord" not in response.text
    assert AssignmentAnswers.objects.of(profile.user).count() == 1


def test_answers_only_for_practice_assignments(member_client: Client, article):
    assert member_client.get(f"/mijn/opdrachten/{article.pk}/", **HOST).status_code == 404


def test_answer_page_of_an_assignment_with_html_in_the_question(
    member_client: Client, catalogue, groningen
):
    page = create_item(
        catalogue,
        slug="html",
        regions=[groningen.region],
        kind=PracticeAssignmentPage,
        steps=[("step", RichText("<p>Stap.</p>"))],
        reflection_questions=[("question", "<script>alert(1)</script>")],
    )
    text = member_client.get(f"/mijn/opdrachten/{page.pk}/", **HOST).text
    assert "<script>alert(1)</script>" not in text


def test_progress_is_a_fraction(profile, article):
    with transaction.atomic(), pytest.raises(IntegrityError):
        record_statement(
            actor=profile.user, verb=Verb.PROGRESSED, activity=article, progress=Decimal("1.5")
        )
    assert not LearningRecord.objects.exists()

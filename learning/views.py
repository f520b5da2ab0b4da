"""Progress on one item: completing it, media progress and practice-assignment answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from catalogue.models import LearningItemPage, PracticeAssignmentPage

from .forms import AnswersForm, MediaProgressForm
from .models import AssignmentAnswers
from .services import LearningError, complete_item, record_media_progress, save_answers


def _item(request: HttpRequest, page_id: int) -> LearningItemPage:
    """A published item of this portal; anything else (a draft, another portal's item, a
    page that is not an item) is not found."""
    items = LearningItemPage.objects.live().public().for_region(getattr(request, "region", None))
    return get_object_or_404(items, pk=page_id)


@require_POST
@login_required
def complete(request: HttpRequest, page_id: int) -> HttpResponse:
    item = _item(request, page_id)
    if not item.specific_class.is_completed_by_learner:
        # Events and tracks are completed by attendance and their rules, not by a click.
        raise Http404
    complete_item(user=request.user, page=item)
    return redirect(f"{item.get_url(request)}#voortgang")


@require_POST
@login_required
def media_progress(request: HttpRequest, page_id: int) -> HttpResponse:
    item = _item(request, page_id)
    form = MediaProgressForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    try:
        completed = record_media_progress(
            user=request.user, page=item, progress=form.cleaned_data["progress"]
        )
    except LearningError as error:
        return JsonResponse({"errors": {"progress": [str(error)]}}, status=400)
    return JsonResponse({"completed": completed})


@never_cache
@login_required
def answers(request: HttpRequest, page_id: int) -> HttpResponse:
    item = _item(request, page_id)
    assignment = get_object_or_404(PracticeAssignmentPage, pk=item.pk)
    own = AssignmentAnswers.objects.of(request.user).filter(page=assignment).first()
    questions = [(block.id, block.value) for block in assignment.reflection_questions]
    initial = {f"q-{key}": value for key, value in (own.answers if own else {}).items()}
    form = AnswersForm(request.POST or None, questions=questions, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save_answers(
                user=request.user,
                page=assignment,
                answers=form.answers(),
                submit=form.wants_submit,
            )
        except LearningError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Your answers have been handed in. Well done!")
                if form.wants_submit
                else _("Your answers have been saved as a draft."),
            )
            return redirect("learning:answers", page_id=assignment.pk)
    return render(
        request,
        "learning/answers.html",
        {"page": assignment, "form": form, "answers": own},
    )

"""The demo's team path: assigned, in progress, and loaded once."""

from io import StringIO

from django.core.management import call_command

from demo import team_paths as team_paths_demo
from learning.models import TeamPath
from learning.team_progress import path_progress
from organisations.models import Membership


def test_the_demo_has_a_team_path_in_progress_and_loads_it_once(db):
    call_command("load_demo", stdout=StringIO())
    path = TeamPath.objects.select_related("team__organisation").get(title=team_paths_demo.PATH)
    assert path.is_assigned and path.steps.count() == 3
    progress = path_progress(path)
    done = {member.name: member.done for member in progress.members}
    assert done == {
        "Sanne Budgetcoach (voorbeeld)": 1,
        "Youssef Schuldhulp (voorbeeld)": 0,  # shares nothing
        "Ilse Welzijn (voorbeeld)": 1,
    }
    ilse = next(m for m in progress.members if m.name.startswith("Ilse"))
    assert ilse.other_completed  # she shares everything
    assert Membership.objects.filter(organisation=path.team.organisation, role="admin").exists()
    assert team_paths_demo.load() == 0
    assert TeamPath.objects.count() == 1

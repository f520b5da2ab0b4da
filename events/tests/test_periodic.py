from core.periodic import registered_jobs


def test_the_clock_runs_the_event_jobs():
    names = {job.name for job in registered_jobs()}
    assert {"events-expire-offers", "events-reminders", "events-evaluations"} <= names

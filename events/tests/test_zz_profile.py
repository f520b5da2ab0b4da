import cProfile, pstats, time
import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from events import services
from events.models import Session
from .factories import create_event


@pytest.mark.django_db
def test_profile(catalogue, regions):
    event = create_event(catalogue, regions=regions, capacity=20)
    session = event.sessions.get()
    User = get_user_model()
    users = User.objects.bulk_create(
        User(username=f"p{n}", email=f"p{n}@example.org") for n in range(90)
    )
    path = reverse("events:register", args=[session.pk])
    clients = []
    for user in users:
        c = Client(HTTP_HOST="groningen.localhost")
        c.force_login(user)
        clients.append(c)
    clients[0].post(path)
    with CaptureQueriesContext(connection) as ctx:
        r = clients[1].post(path)
    print("queries", len(ctx.captured_queries))
    for q in ctx.captured_queries:
        print(q["sql"][:100])
    timings = []
    for c in clients[2:42]:
        start = time.process_time()
        c.post(path)
        timings.append(time.process_time() - start)
    print("request cpu ms p50", sorted(timings)[20] * 1000)
    timings = []
    for user in users[42:62]:
        start = time.process_time()
        services.register_user(session=session, user=user)
        timings.append(time.process_time() - start)
    print("service cpu ms p50", sorted(timings)[10] * 1000)
    timings = []
    from events.views import _session
    from django.test import RequestFactory

    for _ in range(20):
        rq = RequestFactory().get("/", HTTP_HOST="groningen.localhost")
        rq.region = regions[0]
        start = time.process_time()
        _session(rq, session.pk)
        timings.append(time.process_time() - start)
    print("_session cpu ms p50", sorted(timings)[10] * 1000)
    prof = cProfile.Profile()
    prof.enable()
    for c in clients[62:]:
        c.post(path)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(25)

"""The coordinator reads the reach report, filters it and sees charts beside tables, in
Chromium, with axe (WCAG 2.1 A and AA) and screenshots on desktop and phone."""

from functools import partial

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from reports.tests import test_reports as data

from . import checks

pytestmark = [pytest.mark.browser, pytest.mark.concurrency]

check_page = partial(checks.check_page, "reports")


def test_the_coordinator_reads_and_filters_the_report(
    migrated_state: None,
    live_server: LiveServer,
    django_db_serialized_rollback: None,
    page: Page,
) -> None:
    world = data.make_world()
    data.people(
        12,
        organisation=world.housing,
        municipality=world.veendam,
        role=world.worker,
        item=world.item,
    )
    data.people(
        3, organisation=world.welfare, municipality=world.stad, role=world.worker, item=world.item
    )
    data.people(
        9, organisation=world.care, municipality=world.assen, role=world.worker, item=world.item
    )
    client = Client()
    client.force_login(data.coordinator())
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto(f"{live_server.url}/rapportages/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bereikrapportages")
    expect(page.get_by_role("img", name="Bereikte mensen per sector")).to_be_visible()
    check_page(page, "coordinator")

    page.get_by_label("Provincie").select_option(label="Drenthe")
    page.get_by_role("button", name="Toon de rapportage").click()
    expect(page.get_by_role("table", name="Samenvatting")).to_contain_text("10")
    expect(page.get_by_role("table", name="Aantal mensen").first).not_to_contain_text("Wonen")
    check_page(page, "drenthe")

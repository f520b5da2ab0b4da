from typing import Any

from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_save
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "monitor"
    verbose_name = _("Poverty monitor")

    def ready(self) -> None:
        from .models import MonitorSettings, VeenkolonienDefinition

        # Editors choose the definition in the settings, or change a definition's
        # municipalities in /beheer/: the region filters follow at once.
        post_save.connect(_apply, sender=MonitorSettings, dispatch_uid="monitor-settings-saved")
        m2m_changed.connect(
            _apply,
            sender=VeenkolonienDefinition.municipalities.through,
            dispatch_uid="monitor-definition-changed",
        )


def _apply(sender: Any, **kwargs: Any) -> None:
    if kwargs.get("action", "post_add").startswith("post_"):
        from .services import apply_veenkolonien

        apply_veenkolonien()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionAgendaConfig(AppConfig):
    name = "actionagenda"
    verbose_name = _("Action agenda")

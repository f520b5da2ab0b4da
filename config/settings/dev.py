"""Local machine: plain HTTP on *.localhost, SQLite, e-mail printed to the console."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)

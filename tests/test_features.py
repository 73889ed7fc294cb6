"""Binds every scenario under features/ to pytest: the ORT suite."""

from pytest_bdd import scenarios

scenarios(".")

"""Hypothesis profiles for the adversarial suite: ``ci`` (the default, a deadline per example) and ``dem``
(nightly: many more examples; ``DOCGEN_BAT_BIEN=dem ./run pytest tests/bat_bien``)."""
from __future__ import annotations

import os
from datetime import timedelta

from hypothesis import HealthCheck, settings

settings.register_profile("ci", max_examples=40, deadline=timedelta(seconds=10), derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dem", max_examples=3000, deadline=timedelta(seconds=10),
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("DOCGEN_BAT_BIEN", "ci"))

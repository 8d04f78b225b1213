"""The demo site (*Báo An Giang*): content, ``load_demo``, ``ensure_admin`` and benchmark data.

Not part of the installed package: this project's settings add the ``demo`` app; an outlet
trying the extension adds it from a checkout (README, "Adding the extension").
"""

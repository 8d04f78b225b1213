"""Contests on the Law on Emulation and Commendation (cuộc thi tìm hiểu Luật Thi đua,
khen thưởng).

``models``: the contest page (under a section), its questions and the
entries (app label ``exemplars``); ``views``: the cache-safe entry endpoint;
``ranking``: scores and winners; ``exports``: the ranking as CSV and XLSX for
editors (``admin_views``, wired in ``wagtail_hooks``).
"""

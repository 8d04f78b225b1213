"""Print-ready exemplar booklets (ấn phẩm giới thiệu gương điển hình) per campaign.

Models live here but belong to the ``exemplars`` app (re-exported by
``exemplars.models``), so one migration graph holds them.
"""

"""How exemplar stories become search documents, and stay in step with the
records they are filtered by. The only room that speaks to ``exemplars_search``'s
registry; the search app never imports this one.
"""

"""Vietnamese spelling rules beyond diacritics, shared by every search backend.

* ``tones``: one spelling for words written two ways (tone-mark placement in
  oa/oe/uy, i/y after a consonant), applied to indexed and queried text alike;
* ``telex``: a query typed as Telex or VNI keystrokes with the Vietnamese
  keyboard off, turned back into words;
* ``abbreviations``: newsroom abbreviations and their full forms;
* ``expand``: query-time alternatives built from the two above;
* ``spelling``: corrections for spelling slips ("Có phải bạn muốn tìm …").
"""

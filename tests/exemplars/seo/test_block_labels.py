"""Every block field the project defines has a name in the page editor.

Wagtail prints a ``<label>`` for a StructBlock's fields but none for the items
of a ListBlock: a field there must name itself (``aria-label``) or axe-core
reports an unlabelled form field (critical).
"""

from django.apps import apps
from wagtail import blocks
from wagtail.fields import StreamField


def project_stream_blocks():
    for model in apps.get_app_config("exemplars").get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                yield f"{model.__name__}.{field.name}", field.stream_block


def walk(block, path, parent=None):
    yield path, block, parent
    if isinstance(block, (blocks.StructBlock, blocks.StreamBlock)):
        for name, child in block.child_blocks.items():
            yield from walk(child, f"{path}.{name}", block)
    elif isinstance(block, blocks.ListBlock):
        yield from walk(block.child_block, f"{path}[]", block)


def test_every_block_field_has_a_label_the_editor_shows():
    unnamed = []
    checked = 0
    for where, stream in project_stream_blocks():
        for path, block, parent in walk(stream, where):
            if not isinstance(block, blocks.FieldBlock):
                continue
            checked += 1
            if not block.label:
                unnamed.append(path)
            if isinstance(block, blocks.RichTextBlock) and not isinstance(
                parent, blocks.StructBlock
            ):
                # Draftail's own textbox: named only through its ariaLabel option.
                if block.field.widget.options.get("ariaLabel") != str(block.label):
                    unnamed.append(path + " (Draftail without ariaLabel)")
            if isinstance(parent, blocks.ListBlock):
                html = block.field.widget.render("x", "", attrs={"id": "x"})
                if f'aria-label="{block.label}"' not in html:
                    unnamed.append(path + " (list item without aria-label)")
    assert checked > 10
    assert unnamed == []

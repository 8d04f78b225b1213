"""HTML bodies: sanitised by nh3, kept as Wagtail rich text, images taken out."""

from exemplars.importing.html import ImagePart, TextPart, body_blocks, html_parts


def test_scripts_styles_and_event_handlers_go_with_their_content():
    parts = html_parts(
        '<p onclick="steal()">Một<script>var x = "bí mật";</script> đoạn</p>'
        "<style>p { color: red }</style><noscript>bật JavaScript</noscript>"
        '<iframe src="https://ads.example/">quảng cáo</iframe>'
        '<p><a href="javascript:alert(1)">nhấn</a> <a href="https://a.vn/" onmouseover="x()">đây</a></p>'
    )
    markup = "".join(p.html for p in parts)
    assert markup == '<p>Một đoạn</p><p>nhấn <a href="https://a.vn/">đây</a></p>'


def test_paragraphs_headings_links_bold_italic_and_lists_are_kept():
    parts = html_parts(
        "<h1>Tựa</h1><h4>Nhỏ</h4>"
        '<p>Chữ <strong>đậm</strong>, <em>nghiêng</em>, <b><i>cả hai</i></b> và <a href="https://vi.wikipedia.org/">liên kết</a>.<br>Dòng sau</p>'
        "<div>Chữ ngoài đoạn <span>trong span</span></div>"
        "<ul><li>một</li><li>hai <b>đậm</b></li></ul><ol><li>ba</li></ol>"
    )
    assert [p.html for p in parts] == [
        "<h2>Tựa</h2>",
        "<h3>Nhỏ</h3>",
        "<p>Chữ <b>đậm</b>, <i>nghiêng</i>, <b><i>cả hai</i></b> và "
        '<a href="https://vi.wikipedia.org/">liên kết</a>.<br/>Dòng sau</p>',
        "<p>Chữ ngoài đoạn trong span</p>",
        "<ul><li>một</li><li>hai <b>đậm</b></li></ul>",
        "<ol><li>ba</li></ol>",
    ]


def test_images_become_parts_of_their_own_with_caption_and_credit():
    parts = html_parts(
        '<p>Trước <img src="/wp-content/uploads/a.jpg" alt="Ảnh A" onerror="x()"> sau</p>'
        '<figure><img src="b.jpg" alt=""><figcaption>Ao cá. Ảnh: M.L</figcaption></figure>'
    )
    assert parts == [
        TextPart("<p>Trước</p>"),
        ImagePart(src="/wp-content/uploads/a.jpg", alt="Ảnh A"),
        TextPart("<p>sau</p>"),
        ImagePart(src="b.jpg", alt="", caption="Ao cá.", credit="Ảnh: M.L"),
    ]


def test_plain_text_is_escaped_into_paragraphs():
    blocks = body_blocks("Một <3 hai\n\nBa & bốn")
    assert [b[1].source for b in blocks] == ["<p>Một &lt;3 hai</p>", "<p>Ba &amp; bốn</p>"]

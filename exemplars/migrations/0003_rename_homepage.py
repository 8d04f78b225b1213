from django.conf import settings
from django.db import migrations


class Migration(migrations.Migration):
    """Every `wagtail start` site has `home.HomePage`; two page models of one name
    clash on Page's reverse accessor, so ours is ExemplarHomePage."""

    dependencies = [
        ("exemplars", "0002_editorial"),
        ("wagtailcore", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel("HomePage", "ExemplarHomePage"),
        migrations.AlterModelOptions(
            name="exemplarhomepage",
            options={
                "verbose_name": "trang chủ điển hình",
                "verbose_name_plural": "trang chủ điển hình",
            },
        ),
    ]

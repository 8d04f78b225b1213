from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    label = "exemplars_demo"
    verbose_name = "Exemplars demo"

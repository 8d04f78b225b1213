from django.urls import path

app_name = "exemplars_search"

urlpatterns: list = []

"""Pages of API lists, with the Dutch parameter names of the site's own lists."""

from rest_framework.pagination import PageNumberPagination


class PortalPagination(PageNumberPagination):
    page_query_param = "pagina"
    page_size = 20
    page_size_query_param = "per_pagina"
    max_page_size = 100

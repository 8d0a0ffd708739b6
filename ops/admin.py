"""Django's own user and group admins, with the list-action check every admin of the site has."""

from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User

from .admin_actions import SelectionCheckedAdmin


class CheckedUserAdmin(SelectionCheckedAdmin, UserAdmin):
    pass


class CheckedGroupAdmin(SelectionCheckedAdmin, GroupAdmin):
    pass


admin.site.unregister(User)
admin.site.register(User, CheckedUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, CheckedGroupAdmin)

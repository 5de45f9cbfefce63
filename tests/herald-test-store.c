/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-test-store.c: helpers of the store tests. */

#include "config.h"

#include <glib/gstdio.h>

#include "herald-test-store.h"

/* A fresh private directory for one test's database. */
char *
herald_test_store_dir_new (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("herald-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
herald_test_store_dir_remove (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/*
 * herald_test_record_filled:
 *
 * A record of @type whose every field holds a valid value that differs
 * from the property's default, so that a round trip through the store
 * proves each column.
 */
HeraldRecord *
herald_test_record_filled (GType       type,
                           const char *campaign_id,
                           const char *segment_id,
                           const char *template_id,
                           const char *contact_id,
                           const char *recipient_id)
{
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 5, 1, 10, 0, 0.123);
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree char *id = herald_uuid_new ();
  HeraldRecord *record = g_object_new (type, "id", id, NULL);
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *p = pspecs[i];
      const char *name = p->name;
      GObject *o = G_OBJECT (record);

      if (g_str_equal (name, "id") || g_str_equal (name, "sync-state"))
        continue;
      if (p->value_type == G_TYPE_STRING)
        {
          const char *v;
          g_autofree char *text = NULL;

          if (g_str_equal (name, "campaign-id"))
            v = campaign_id;
          else if (g_str_equal (name, "segment-id"))
            v = segment_id;
          else if (g_str_equal (name, "template-id"))
            v = template_id;
          else if (g_str_equal (name, "contact-id"))
            v = contact_id;
          else if (g_str_equal (name, "recipient-id"))
            v = recipient_id;
          else if (g_str_equal (name, "email") || g_str_equal (name, "from-address")
                   || g_str_equal (name, "reply-to") || g_str_equal (name, "address"))
            v = "jana.muster@example.org";
          else if (g_str_equal (name, "phone"))
            v = "+4930123456";
          else if (g_str_equal (name, "currency"))
            v = "CHF";
          else if (g_str_equal (name, "date"))
            v = "2026-03-01";
          else if (g_str_equal (name, "variables") || g_str_equal (name, "metadata")
                   || g_str_equal (name, "attributes") || g_str_equal (name, "base"))
            v = "{\"k\":\"v\"}";
          else if (g_str_equal (name, "variant-name"))
            v = "B";
          else
            v = text = g_strdup_printf ("Wert „%s“ äöü", name);
          g_object_set (o, name, v, NULL);
        }
      else if (p->value_type == G_TYPE_INT64)
        g_object_set (o, name, (gint64) 7, NULL);
      else if (p->value_type == G_TYPE_INT)
        g_object_set (o, name, 5, NULL);
      else if (p->value_type == G_TYPE_BOOLEAN)
        g_object_set (o, name, !G_PARAM_SPEC_BOOLEAN (p)->default_value, NULL);
      else if (p->value_type == G_TYPE_DOUBLE)
        g_object_set (o, name, 0.5, NULL);
      else if (G_TYPE_IS_ENUM (p->value_type))
        {
          GEnumClass *klass = G_PARAM_SPEC_ENUM (p)->enum_class;

          g_object_set (o, name, klass->maximum, NULL);
        }
      else if (p->value_type == G_TYPE_DATE_TIME)
        g_object_set (o, name, when, NULL);
      else
        g_assert_not_reached ();
    }
  return record;
}

/* Fails when a field still has its default: the filler missed it. */
void
herald_test_assert_not_defaults (HeraldRecord *record)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (g_str_equal (pspecs[i]->name, "sync-state"))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (record), pspecs[i]->name, &value);
      if (g_param_value_defaults (pspecs[i], &value))
        g_error ("%s:%s still has its default", G_OBJECT_TYPE_NAME (record), pspecs[i]->name);
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-util.c: small helpers shared by the app, the server and the tests. */

#include "config.h"

#include "herald-util.h"

/**
 * herald_version:
 *
 * Returns: the version of Herald, as given in meson.build.
 */
const char *
herald_version (void)
{
  return PACKAGE_VERSION;
}

/**
 * herald_uuid_new:
 *
 * Ids are born where the record is born, offline too, so they are random
 * version 4 UUIDs.
 *
 * Returns: (transfer full): a new lowercase UUID string.
 */
char *
herald_uuid_new (void)
{
  return g_uuid_string_random ();
}

/**
 * herald_uuid_is_valid:
 * @str: (nullable): a string
 *
 * Returns: whether @str is a UUID in its canonical 8-4-4-4-12 form.
 */
gboolean
herald_uuid_is_valid (const char *str)
{
  return str != NULL && g_uuid_string_is_valid (str);
}

/**
 * herald_datetime_to_iso8601:
 * @dt: (nullable): a date and time
 *
 * Formats @dt in UTC as ISO 8601 with a `Z` and millisecond precision, the
 * form used on the wire and in SQLite.  The fixed width keeps the strings
 * sortable as text.
 *
 * Returns: (transfer full) (nullable): the string, or %NULL for %NULL.
 */
char *
herald_datetime_to_iso8601 (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *base = NULL;

  if (dt == NULL)
    return NULL;

  utc = g_date_time_to_utc (dt);
  base = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", base, g_date_time_get_microsecond (utc) / 1000);
}

/**
 * herald_datetime_from_iso8601:
 * @str: (nullable): an ISO 8601 string
 *
 * Parses @str; a string without a zone is taken as UTC.
 *
 * Returns: (transfer full) (nullable): a UTC date and time, or %NULL when
 *   @str is %NULL, empty or not ISO 8601.
 */
GDateTime *
herald_datetime_from_iso8601 (const char *str)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;

  if (str == NULL || *str == '\0')
    return NULL;

  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (str, utc);
  if (parsed == NULL)
    return NULL;

  return g_date_time_to_utc (parsed);
}

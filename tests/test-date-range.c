/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-date-range.c: HeraldDateRange, the period of the dashboards: the
 * presets (7, 30, 90 days, all time) and the custom range picked in its
 * calendars, with the signals a dashboard relies on. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-date-range.h"
#include "herald-test-gui.h"

typedef struct
{
  GtkWindow       *window;
  HeraldDateRange *range;
  guint            n_changed;
  guint            n_preset;
} Fixture;

static void
changed_cb (HeraldDateRange *range,
            Fixture         *f)
{
  f->n_changed++;
}

static void
preset_notified_cb (HeraldDateRange *range,
                    GParamSpec      *pspec,
                    Fixture         *f)
{
  f->n_preset++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  f->range = HERALD_DATE_RANGE (herald_date_range_new ());
  gtk_window_set_child (f->window, GTK_WIDGET (f->range));
  gtk_window_present (f->window);
  herald_test_wait_for_mapped (GTK_WIDGET (f->range));
  g_signal_connect (f->range, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->range, "notify::preset", G_CALLBACK (preset_notified_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (f->range), (gpointer *) &f->range);
  gtk_window_destroy (f->window);
  herald_test_spin (20);
  g_assert_null (f->range);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type,
                 guint      nth)
{
  guint n = 0;
  GPtrArray *stack = g_ptr_array_new ();
  GtkWidget *found = NULL;

  g_ptr_array_add (stack, widget);
  while (stack->len > 0 && found == NULL)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, 0);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && n++ == nth)
        found = w;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_free (stack, TRUE);
  return found;
}

static GtkCalendar *
calendar (Fixture *f,
          guint    nth)
{
  GtkMenuButton *button = GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (f->range), GTK_TYPE_MENU_BUTTON, 0));
  GtkWidget *found;

  g_assert_nonnull (button);
  found = find_descendant (GTK_WIDGET (gtk_menu_button_get_popover (button)), GTK_TYPE_CALENDAR, nth);
  g_assert_nonnull (found);
  return GTK_CALENDAR (found);
}

static gboolean
custom_button_visible (Fixture *f)
{
  return gtk_widget_get_visible (find_descendant (GTK_WIDGET (f->range), GTK_TYPE_MENU_BUTTON, 0));
}

static char *
day_string (GDateTime *day)
{
  return g_date_time_format (day, "%Y-%m-%d");
}

/* Today and the day @days - 1 before it, UTC, as the performance table
 * stores days.  Asked before and after the code under test, so that a
 * test running over midnight compares with the right day. */
static void
assert_last_days (Fixture *f,
                  int      days,
                  char    *before_from,
                  char    *before_to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) first = g_date_time_add_days (now, 1 - days);
  g_autofree char *after_from = day_string (first);
  g_autofree char *after_to = day_string (now);
  const char *from = herald_date_range_get_from (f->range);
  const char *to = herald_date_range_get_to (f->range);

  g_assert_true ((g_strcmp0 (from, before_from) == 0 && g_strcmp0 (to, before_to) == 0)
                 || (g_strcmp0 (from, after_from) == 0 && g_strcmp0 (to, after_to) == 0));
  /* days - 1 days apart: both ends are in */
  {
    GDate a, b;

    g_date_clear (&a, 1);
    g_date_clear (&b, 1);
    g_date_set_dmy (&a, g_ascii_strtoll (from + 8, NULL, 10), g_ascii_strtoll (from + 5, NULL, 10),
                    g_ascii_strtoll (from, NULL, 10));
    g_date_set_dmy (&b, g_ascii_strtoll (to + 8, NULL, 10), g_ascii_strtoll (to + 5, NULL, 10),
                    g_ascii_strtoll (to, NULL, 10));
    g_assert_cmpint (g_date_days_between (&a, &b), ==, days - 1);
  }
}

static void
expected_last_days (int    days,
                    char **from,
                    char **to)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) first = g_date_time_add_days (now, 1 - days);

  *from = day_string (first);
  *to = day_string (now);
}

static void
test_presets (Fixture       *f,
              gconstpointer  data)
{
  static const struct { HeraldDateRangePreset preset; int days; } presets[] = {
    { HERALD_DATE_RANGE_LAST_7_DAYS, 7 },
    { HERALD_DATE_RANGE_LAST_90_DAYS, 90 },
    { HERALD_DATE_RANGE_LAST_30_DAYS, 30 },
  };

  /* A new selector shows the last 30 days. */
  {
    g_autofree char *from = NULL;
    g_autofree char *to = NULL;

    expected_last_days (30, &from, &to);
    g_assert_cmpint (herald_date_range_get_preset (f->range), ==, HERALD_DATE_RANGE_LAST_30_DAYS);
    assert_last_days (f, 30, from, to);
    g_assert_false (custom_button_visible (f));
  }

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      f->n_changed = f->n_preset = 0;
      expected_last_days (presets[i].days, &from, &to);
      herald_date_range_set_preset (f->range, presets[i].preset);
      g_assert_cmpint (herald_date_range_get_preset (f->range), ==, presets[i].preset);
      assert_last_days (f, presets[i].days, from, to);
      /* one change, announced once */
      g_assert_cmpuint (f->n_changed, ==, 1);
      g_assert_cmpuint (f->n_preset, ==, 1);
      g_assert_false (custom_button_visible (f));

      /* choosing it again changes nothing */
      herald_date_range_set_preset (f->range, presets[i].preset);
      g_assert_cmpuint (f->n_changed, ==, 1);
      g_assert_cmpuint (f->n_preset, ==, 1);
    }

  /* All time: no limit either side. */
  f->n_changed = 0;
  herald_date_range_set_preset (f->range, HERALD_DATE_RANGE_ALL);
  g_assert_null (herald_date_range_get_from (f->range));
  g_assert_null (herald_date_range_get_to (f->range));
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* The drop-down, as a person picks: the 90 days. */
  {
    g_autofree char *from = NULL;
    g_autofree char *to = NULL;
    GtkDropDown *dropdown = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (f->range), GTK_TYPE_DROP_DOWN, 0));

    f->n_changed = f->n_preset = 0;
    expected_last_days (90, &from, &to);
    gtk_drop_down_set_selected (dropdown, HERALD_DATE_RANGE_LAST_90_DAYS);
    g_assert_cmpint (herald_date_range_get_preset (f->range), ==, HERALD_DATE_RANGE_LAST_90_DAYS);
    assert_last_days (f, 90, from, to);
    g_assert_cmpuint (f->n_changed, ==, 1);
    g_assert_cmpuint (f->n_preset, ==, 1);
    g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown)), ==, _("Last 90 Days"));
  }
}

static void
assert_calendar_day (GtkCalendar *cal,
                     const char  *day)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (cal);
  g_autofree char *text = day_string (date);

  g_assert_cmpstr (text, ==, day);
}

static void
test_custom (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GDateTime) a = g_date_time_new_utc (2026, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) b = g_date_time_new_utc (2026, 3, 31, 0, 0, 0);
  g_autofree char *fa = g_date_time_format (a, "%x");
  g_autofree char *fb = g_date_time_format (b, "%x");
  g_autofree char *label = g_strdup_printf (_("%s – %s"), fa, fb);
  GtkMenuButton *button;

  /* Set from code: one change, from the first to the last day, both in. */
  herald_date_range_set_custom (f->range, "2026-03-01", "2026-03-31");
  g_assert_cmpint (herald_date_range_get_preset (f->range), ==, HERALD_DATE_RANGE_CUSTOM);
  g_assert_cmpstr (herald_date_range_get_from (f->range), ==, "2026-03-01");
  g_assert_cmpstr (herald_date_range_get_to (f->range), ==, "2026-03-31");
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpuint (f->n_preset, ==, 1);
  g_assert_true (custom_button_visible (f));
  button = GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (f->range), GTK_TYPE_MENU_BUTTON, 0));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, label);
  assert_calendar_day (calendar (f, 0), "2026-03-01");
  assert_calendar_day (calendar (f, 1), "2026-03-31");

  /* The same again: nothing. */
  herald_date_range_set_custom (f->range, "2026-03-01", "2026-03-31");
  g_assert_cmpuint (f->n_changed, ==, 1);

  /* The days the wrong way round: put in order. */
  herald_date_range_set_custom (f->range, "2026-02-10", "2026-01-20");
  g_assert_cmpstr (herald_date_range_get_from (f->range), ==, "2026-01-20");
  g_assert_cmpstr (herald_date_range_get_to (f->range), ==, "2026-02-10");
  g_assert_cmpuint (f->n_changed, ==, 2);
  g_assert_cmpuint (f->n_preset, ==, 1);

  /* A single day, across a year's end and a leap day. */
  herald_date_range_set_custom (f->range, "2024-02-29", "2024-02-29");
  g_assert_cmpstr (herald_date_range_get_from (f->range), ==, "2024-02-29");
  g_assert_cmpstr (herald_date_range_get_to (f->range), ==, "2024-02-29");
  herald_date_range_set_custom (f->range, "2025-12-30", "2026-01-02");
  g_assert_cmpstr (herald_date_range_get_from (f->range), ==, "2025-12-30");
  g_assert_cmpstr (herald_date_range_get_to (f->range), ==, "2026-01-02");
  g_assert_cmpuint (f->n_changed, ==, 4);

  /* Back to a preset: the calendars' days no longer count. */
  herald_date_range_set_preset (f->range, HERALD_DATE_RANGE_ALL);
  g_assert_null (herald_date_range_get_from (f->range));
  g_assert_false (custom_button_visible (f));
  g_assert_cmpuint (f->n_changed, ==, 5);
}

/* As a person does it: "Custom…" in the drop-down, then days picked in the
 * calendars. */
static void
test_calendars (Fixture       *f,
                gconstpointer  data)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (f->range), GTK_TYPE_DROP_DOWN, 0));
  GtkMenuButton *button = GTK_MENU_BUTTON (find_descendant (GTK_WIDGET (f->range), GTK_TYPE_MENU_BUTTON, 0));
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  g_autoptr(GDateTime) from_day = g_date_time_new_local (2026, 6, 15, 0, 0, 0);
  g_autoptr(GDateTime) to_day = g_date_time_new_local (2026, 6, 20, 0, 0, 0);
  g_autoptr(GDateTime) early = g_date_time_new_local (2026, 6, 1, 0, 0, 0);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  /* Custom starts from the calendars' days, the last 30 days, and opens
   * them. */
  expected_last_days (30, &from, &to);
  gtk_drop_down_set_selected (dropdown, HERALD_DATE_RANGE_CUSTOM);
  g_assert_cmpint (herald_date_range_get_preset (f->range), ==, HERALD_DATE_RANGE_CUSTOM);
  assert_last_days (f, 30, from, to);
  g_assert_true (custom_button_visible (f));
  herald_test_spin (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  /* the same days as before: no change to announce */
  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_cmpuint (f->n_preset, ==, 1);

  /* Each day picked is one change. */
  gtk_calendar_select_day (calendar (f, 0), from_day);
  gtk_calendar_select_day (calendar (f, 1), to_day);
  g_assert_cmpstr (herald_date_range_get_from (f->range), ==, "2026-06-15");
  g_assert_cmpstr (herald_date_range_get_to (f->range), ==, "2026-06-20");
  g_assert_cmpuint (f->n_changed, ==, 2);

  /* A last day before the first: the period is put in order. */
  gtk_calendar_select_day (calendar (f, 1), early);
  g_assert_cmpstr (herald_date_range_get_from (f->range), ==, "2026-06-01");
  g_assert_cmpstr (herald_date_range_get_to (f->range), ==, "2026-06-15");
  g_assert_cmpuint (f->n_changed, ==, 3);
  gtk_popover_popdown (popover);

  /* Days picked while a preset is chosen wait for "Custom…". */
  herald_date_range_set_preset (f->range, HERALD_DATE_RANGE_LAST_7_DAYS);
  f->n_changed = 0;
  gtk_calendar_select_day (calendar (f, 0), from_day);
  g_assert_cmpint (herald_date_range_get_preset (f->range), ==, HERALD_DATE_RANGE_LAST_7_DAYS);
  g_assert_cmpuint (f->n_changed, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  herald_test_gui_init (&argc, &argv);

  g_test_add ("/herald/date-range/presets", Fixture, NULL, fixture_set_up, test_presets, fixture_tear_down);
  g_test_add ("/herald/date-range/custom", Fixture, NULL, fixture_set_up, test_custom, fixture_tear_down);
  g_test_add ("/herald/date-range/calendars", Fixture, NULL, fixture_set_up, test_calendars, fixture_tear_down);

  return g_test_run ();
}

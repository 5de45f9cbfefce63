/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-date-range.c: the period a dashboard shows: the last 7, 30 or 90
 * days, everything, or two days picked in calendars.  Days are UTC
 * calendar days (YYYY-MM-DD), as the performance table stores them. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-a11y.h"
#include "herald-date-range.h"

struct _HeraldDateRange
{
  GtkWidget              parent_instance;

  GtkWidget             *box;
  GtkDropDown           *dropdown;
  GtkMenuButton         *custom_button;
  GtkCalendar           *from_calendar;
  GtkCalendar           *to_calendar;

  HeraldDateRangePreset  preset;
  char                  *from_date;
  char                  *to_date;
  /* set_custom() selects both calendars before the one update */
  gboolean               selecting;
};

G_DEFINE_FINAL_TYPE (HeraldDateRange, herald_date_range, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PRESET,
  PROP_FROM,
  PROP_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
day_string (GDateTime *day)
{
  return g_date_time_format (day, "%Y-%m-%d");
}

static GDateTime *
parse_day (const char *text)
{
  int y, m, d;

  if (text == NULL || sscanf (text, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

static void
update_range (HeraldDateRange *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (self->preset == HERALD_DATE_RANGE_CUSTOM)
    {
      g_autoptr(GDateTime) a = gtk_calendar_get_date (self->from_calendar);
      g_autoptr(GDateTime) b = gtk_calendar_get_date (self->to_calendar);

      if (g_date_time_compare (a, b) > 0)
        {
          GDateTime *t = a;
          a = b;
          b = t;
        }
      from = day_string (a);
      to = day_string (b);
    }
  else if (self->preset != HERALD_DATE_RANGE_ALL)
    {
      static const int days[] = { 7, 30, 90 };
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) first = g_date_time_add_days (now, 1 - days[self->preset]);

      from = day_string (first);
      to = day_string (now);
    }

  if (g_strcmp0 (from, self->from_date) == 0 && g_strcmp0 (to, self->to_date) == 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (from, self->from_date) != 0)
    {
      g_free (self->from_date);
      self->from_date = g_steal_pointer (&from);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM]);
    }
  if (g_strcmp0 (to, self->to_date) != 0)
    {
      g_free (self->to_date);
      self->to_date = g_steal_pointer (&to);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_custom_label (HeraldDateRange *self)
{
  g_autoptr(GDateTime) a = parse_day (self->from_date);
  g_autoptr(GDateTime) b = parse_day (self->to_date);

  gtk_widget_set_visible (GTK_WIDGET (self->custom_button), self->preset == HERALD_DATE_RANGE_CUSTOM);
  if (a != NULL && b != NULL)
    {
      /* TRANSLATORS: a period of days, "3/1/26 – 3/31/26" */
      g_autofree char *fa = g_date_time_format (a, "%x");
      g_autofree char *fb = g_date_time_format (b, "%x");
      g_autofree char *label = g_strdup_printf (_("%s – %s"), fa, fb);

      gtk_menu_button_set_label (self->custom_button, label);
    }
}

static void
selected_changed_cb (HeraldDateRange *self)
{
  guint selected = gtk_drop_down_get_selected (self->dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected == self->preset)
    return;
  self->preset = selected;
  update_range (self);
  update_custom_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESET]);
  if (self->preset == HERALD_DATE_RANGE_CUSTOM)
    gtk_menu_button_popup (self->custom_button);
}

static void
calendar_changed_cb (HeraldDateRange *self)
{
  if (self->preset != HERALD_DATE_RANGE_CUSTOM || self->selecting)
    return;
  update_range (self);
  update_custom_label (self);
}

static void
herald_date_range_dispose (GObject *object)
{
  HeraldDateRange *self = HERALD_DATE_RANGE (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (herald_date_range_parent_class)->dispose (object);
}

static void
herald_date_range_finalize (GObject *object)
{
  HeraldDateRange *self = HERALD_DATE_RANGE (object);

  g_free (self->from_date);
  g_free (self->to_date);

  G_OBJECT_CLASS (herald_date_range_parent_class)->finalize (object);
}

static void
herald_date_range_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HeraldDateRange *self = HERALD_DATE_RANGE (object);

  switch (prop_id)
    {
    case PROP_PRESET:
      g_value_set_uint (value, self->preset);
      break;
    case PROP_FROM:
      g_value_set_string (value, self->from_date);
      break;
    case PROP_TO:
      g_value_set_string (value, self->to_date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_date_range_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HeraldDateRange *self = HERALD_DATE_RANGE (object);

  switch (prop_id)
    {
    case PROP_PRESET:
      herald_date_range_set_preset (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_date_range_class_init (HeraldDateRangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_date_range_dispose;
  object_class->finalize = herald_date_range_finalize;
  object_class->get_property = herald_date_range_get_property;
  object_class->set_property = herald_date_range_set_property;

  /**
   * HeraldDateRange:preset:
   *
   * The #HeraldDateRangePreset chosen.
   */
  properties[PROP_PRESET] =
    g_param_spec_uint ("preset", NULL, NULL,
                       0, HERALD_DATE_RANGE_CUSTOM, HERALD_DATE_RANGE_LAST_30_DAYS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * HeraldDateRange:from:
   *
   * The first day (YYYY-MM-DD, UTC) or %NULL for no limit.
   */
  properties[PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * HeraldDateRange:to:
   *
   * The last day, inclusive (YYYY-MM-DD, UTC) or %NULL for no limit.
   */
  properties[PROP_TO] =
    g_param_spec_string ("to", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HeraldDateRange::changed:
   *
   * The first or last day (or both) changed; emitted once per change, after
   * both properties hold their new values.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
labelled_calendar (const char   *title,
                   GtkCalendar **calendar)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  *calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*calendar));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (*calendar),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  return box;
}

static void
herald_date_range_init (HeraldDateRange *self)
{
  const char *choices[] = {
    _("Last 7 Days"),
    _("Last 30 Days"),
    _("Last 90 Days"),
    _("All Time"),
    _("Custom…"),
    NULL,
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) month_ago = g_date_time_add_days (now, -29);
  GtkWidget *popover;
  GtkWidget *calendars;

  self->preset = HERALD_DATE_RANGE_LAST_30_DAYS;

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (choices));
  gtk_drop_down_set_selected (self->dropdown, self->preset);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->dropdown), _("Period"));
  herald_a11y_name_drop_down (self->dropdown, _("Period"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->dropdown));

  calendars = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (calendars), labelled_calendar (_("From"), &self->from_calendar));
  gtk_box_append (GTK_BOX (calendars), labelled_calendar (_("To"), &self->to_calendar));
  gtk_calendar_select_day (self->from_calendar, month_ago);
  gtk_calendar_select_day (self->to_calendar, now);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), calendars);

  self->custom_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->custom_button, popover);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->custom_button), _("Choose the First and Last Day"));
  gtk_widget_set_visible (GTK_WIDGET (self->custom_button), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->custom_button));

  g_signal_connect_object (self->dropdown, "notify::selected", G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_calendar, "day-selected", G_CALLBACK (calendar_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_calendar, "day-selected", G_CALLBACK (calendar_changed_cb), self, G_CONNECT_SWAPPED);

  update_range (self);
}

/**
 * herald_date_range_new:
 *
 * Returns: (transfer floating): a period selector set to the last 30 days
 */
GtkWidget *
herald_date_range_new (void)
{
  return g_object_new (HERALD_TYPE_DATE_RANGE, NULL);
}

/**
 * herald_date_range_get_preset:
 * @self: a date range
 *
 * Returns: the choice shown
 */
HeraldDateRangePreset
herald_date_range_get_preset (HeraldDateRange *self)
{
  g_return_val_if_fail (HERALD_IS_DATE_RANGE (self), HERALD_DATE_RANGE_ALL);

  return self->preset;
}

/**
 * herald_date_range_set_preset:
 * @self: a date range
 * @preset: the choice
 *
 * Chooses a period as if picked in the drop-down (without opening the
 * calendars for %HERALD_DATE_RANGE_CUSTOM).
 */
void
herald_date_range_set_preset (HeraldDateRange       *self,
                              HeraldDateRangePreset  preset)
{
  g_return_if_fail (HERALD_IS_DATE_RANGE (self));
  g_return_if_fail (preset <= HERALD_DATE_RANGE_CUSTOM);

  if (preset == self->preset)
    return;
  self->preset = preset;
  gtk_drop_down_set_selected (self->dropdown, preset);
  update_range (self);
  update_custom_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESET]);
}

/**
 * herald_date_range_set_custom:
 * @self: a date range
 * @from_date: the first day, YYYY-MM-DD
 * @to_date: the last day, YYYY-MM-DD, inclusive
 *
 * Chooses the custom period from @from_date to @to_date (put in order if
 * reversed), with a single #HeraldDateRange::changed.
 */
void
herald_date_range_set_custom (HeraldDateRange *self,
                              const char      *from_date,
                              const char      *to_date)
{
  g_autoptr(GDateTime) a = parse_day (from_date);
  g_autoptr(GDateTime) b = parse_day (to_date);

  g_return_if_fail (HERALD_IS_DATE_RANGE (self));
  g_return_if_fail (a != NULL && b != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->preset != HERALD_DATE_RANGE_CUSTOM)
    {
      self->preset = HERALD_DATE_RANGE_CUSTOM;
      gtk_drop_down_set_selected (self->dropdown, HERALD_DATE_RANGE_CUSTOM);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESET]);
    }
  /* One change, not a half-updated period for each calendar. */
  self->selecting = TRUE;
  gtk_calendar_select_day (self->from_calendar, a);
  gtk_calendar_select_day (self->to_calendar, b);
  self->selecting = FALSE;
  update_range (self);
  update_custom_label (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * herald_date_range_get_from:
 * @self: a date range
 *
 * Returns: (nullable): the first day, YYYY-MM-DD, %NULL for no limit
 */
const char *
herald_date_range_get_from (HeraldDateRange *self)
{
  g_return_val_if_fail (HERALD_IS_DATE_RANGE (self), NULL);

  return self->from_date;
}

/**
 * herald_date_range_get_to:
 * @self: a date range
 *
 * Returns: (nullable): the last day, YYYY-MM-DD, %NULL for no limit
 */
const char *
herald_date_range_get_to (HeraldDateRange *self)
{
  g_return_val_if_fail (HERALD_IS_DATE_RANGE (self), NULL);

  return self->to_date;
}

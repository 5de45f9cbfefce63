/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-campaign-performance.c: one campaign's performance — daily
 * series, the funnel, revenue, spent and ROI over a chosen period — as a
 * widget of its own for the campaign detail page.  Everything is read from
 * the local store; "as of" says how fresh it is. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "herald-campaign-performance.h"
#include "herald-chart-series.h"
#include "herald-dialogs.h"
#include "herald-file-chooser.h"
#include "herald-funnel-layer.h"
#include "herald-line-layer.h"

#define N_SERIES 6
#define EXPORT_WIDTH 1200
#define EXPORT_HEIGHT 600
#define EXPORT_FUNNEL_HEIGHT 400

static const char *series_names[N_SERIES] = {
  N_("Sent"),
  N_("Delivered"),
  N_("Opens"),
  N_("Clicks"),
  N_("Conversions"),
  N_("Machine Opens"),
};

enum {
  MONEY_REVENUE,
  MONEY_SPENT,
  MONEY_ROI,
  N_MONEY
};

struct _HeraldCampaignPerformance
{
  AdwBin             parent_instance;

  HeraldStore       *store;
  HeraldCampaign    *campaign;
  GListStore        *series;
  HeraldChartLayer  *line_layer;
  HeraldChartLayer  *funnel_layer;
  guint              refresh_source;

  HeraldDateRange   *date_range;
  GtkLabel          *as_of_label;
  GtkToggleButton   *table_button;
  GtkMenuButton     *export_button;
  GtkBox            *metric_box;
  GtkStack          *series_stack;
  HeraldChart       *series_chart;
  GtkScrolledWindow *series_table_scroller;
  GtkStack          *funnel_stack;
  HeraldChart       *funnel_chart;
  GtkScrolledWindow *funnel_table_scroller;
  GtkLabel          *machine_note_label;
  GtkBox            *money_box;
  gboolean           has_machine_opens;

  GtkToggleButton   *series_buttons[N_SERIES];
  GtkLabel          *money_values[N_MONEY];
  GtkLabel          *money_details[N_MONEY];
};

G_DEFINE_FINAL_TYPE (HeraldCampaignPerformance, herald_campaign_performance, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers ------------------------------------------------------------- */

static guint32
julian_of (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return 0;
  return g_date_get_julian (&(GDate) { .julian = FALSE, .dmy = TRUE, .day = d, .month = m, .year = y });
}

static gint64
series_count (HeraldPerformanceDay    *day,
              HeraldPerformanceSeries  which)
{
  switch (which)
    {
    case HERALD_PERFORMANCE_SERIES_SENT:
      return herald_performance_day_get_sent_count (day);
    case HERALD_PERFORMANCE_SERIES_DELIVERED:
      return herald_performance_day_get_delivered_count (day);
    case HERALD_PERFORMANCE_SERIES_OPENS:
      return herald_performance_day_get_open_count (day);
    case HERALD_PERFORMANCE_SERIES_CLICKS:
      return herald_performance_day_get_click_count (day);
    case HERALD_PERFORMANCE_SERIES_CONVERSIONS:
      return herald_performance_day_get_conversion_count (day);
    case HERALD_PERFORMANCE_SERIES_MACHINE_OPENS:
      return herald_performance_day_get_machine_open_count (day);
    default:
      g_assert_not_reached ();
    }
}

/* Machine opens get a series and a note only when the campaign has any. */
static void
set_has_machine_opens (HeraldCampaignPerformance *self,
                       gint64                     machine_opens)
{
  self->has_machine_opens = machine_opens > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->series_buttons[HERALD_PERFORMANCE_SERIES_MACHINE_OPENS]),
                          self->has_machine_opens);
  gtk_widget_set_visible (GTK_WIDGET (self->machine_note_label), self->has_machine_opens);
  if (self->has_machine_opens)
    {
      g_autofree char *count = herald_format_count (machine_opens);
      /* TRANSLATORS: under the funnel; %s is a number.  Machine opens are
       * opens by Apple Mail Privacy Protection's proxy or security scanners,
       * not by people: "Opened" and every open rate leave them out. */
      g_autofree char *text = g_strdup_printf (ngettext ("+ %s machine open (Apple Mail Privacy Protection, security scanners) not counted as opened",
                                                         "+ %s machine opens (Apple Mail Privacy Protection, security scanners) not counted as opened",
                                                         (gulong) MIN (machine_opens, G_MAXLONG)),
                                               count);

      gtk_label_set_text (self->machine_note_label, text);
    }
  else
    gtk_label_set_text (self->machine_note_label, "");
}

static void
clear_view (HeraldCampaignPerformance *self)
{
  g_list_store_remove_all (self->series);
  herald_funnel_layer_set_steps (HERALD_FUNNEL_LAYER (self->funnel_layer), NULL, NULL, 0);
  set_has_machine_opens (self, 0);
  for (guint i = 0; i < N_MONEY; i++)
    {
      gtk_label_set_text (self->money_values[i], HERALD_NO_VALUE);
      gtk_label_set_text (self->money_details[i], "");
    }
  gtk_label_set_text (self->as_of_label, "");
}

static void
refresh_tables (HeraldCampaignPerformance *self)
{
  gboolean table = gtk_toggle_button_get_active (self->table_button);

  gtk_scrolled_window_set_child (self->series_table_scroller,
                                 table ? herald_chart_create_table_view (self->series_chart) : NULL);
  gtk_scrolled_window_set_child (self->funnel_table_scroller,
                                 table ? herald_chart_create_table_view (self->funnel_chart) : NULL);
  gtk_stack_set_visible_child_name (self->series_stack, table ? "table" : "chart");
  gtk_stack_set_visible_child_name (self->funnel_stack, table ? "table" : "chart");
}

static void
refresh_series (HeraldCampaignPerformance *self,
                GPtrArray                 *days)
{
  const char *from = herald_date_range_get_from (self->date_range);
  const char *to = herald_date_range_get_to (self->date_range);
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (g_object_unref);
  guint32 first, last;
  guint n;

  first = from != NULL ? julian_of (from)
                       : days->len > 0 ? julian_of (herald_performance_day_get_date (g_ptr_array_index (days, 0))) : 0;
  last = to != NULL ? julian_of (to)
                    : days->len > 0 ? julian_of (herald_performance_day_get_date (g_ptr_array_index (days, days->len - 1))) : 0;
  n = first > 0 && last >= first ? last - first + 1 : 0;

  for (guint s = 0; s < N_SERIES && n > 0; s++)
    {
      g_autofree double *values = NULL;
      HeraldChartSeries *cs;

      if (!gtk_toggle_button_get_active (self->series_buttons[s])
          || (s == HERALD_PERFORMANCE_SERIES_MACHINE_OPENS && !self->has_machine_opens))
        continue;
      /* A day without a row had no traffic. */
      values = g_new0 (double, n);
      for (guint i = 0; i < days->len; i++)
        {
          guint32 j = julian_of (herald_performance_day_get_date (g_ptr_array_index (days, i)));

          if (j >= first && j <= last)
            values[j - first] = series_count (g_ptr_array_index (days, i), s);
        }
      cs = herald_chart_series_new (gettext (series_names[s]));
      herald_chart_series_set_daily (cs, first, values, n);
      g_ptr_array_add (series, cs);
    }
  g_list_store_splice (self->series, 0, g_list_model_get_n_items (G_LIST_MODEL (self->series)),
                       series->pdata, series->len);
}

/* The funnel is the whole campaign's, whatever the period: its first step
 * is the audience, everyone the campaign targets, which has no date; the
 * sent of a week out of the whole audience would be no rate at all. */
static void
refresh_funnel (HeraldCampaignPerformance *self,
                HeraldPerformanceDay      *campaign_totals)
{
  const char *steps[] = { _("Audience"), _("Sent"), _("Delivered"), _("Opened"), _("Clicked"), _("Converted") };
  guint64 counts[G_N_ELEMENTS (steps)];

  counts[0] = MAX (herald_campaign_get_target_count (self->campaign), 0);
  counts[1] = MAX (herald_performance_day_get_sent_count (campaign_totals), 0);
  counts[2] = MAX (herald_performance_day_get_delivered_count (campaign_totals), 0);
  /* People only: machine opens are in the note below the funnel. */
  counts[3] = MAX (herald_performance_day_get_open_count (campaign_totals), 0);
  counts[4] = MAX (herald_performance_day_get_click_count (campaign_totals), 0);
  counts[5] = MAX (herald_performance_day_get_conversion_count (campaign_totals), 0);
  herald_funnel_layer_set_steps (HERALD_FUNNEL_LAYER (self->funnel_layer), steps, counts, G_N_ELEMENTS (steps));
  set_has_machine_opens (self, herald_performance_day_get_machine_open_count (campaign_totals));
}

static void
refresh_money (HeraldCampaignPerformance *self,
               HeraldPerformanceDay      *totals)
{
  const char *currency = herald_campaign_get_currency (self->campaign);
  gint64 revenue = herald_performance_day_get_revenue (totals);
  gint64 spent = herald_performance_day_get_spent (totals);
  g_autofree char *spent_text = NULL;
  double roi;

  {
    g_autofree char *text = herald_format_money (revenue, currency);
    gtk_label_set_text (self->money_values[MONEY_REVENUE], text);
  }
  spent_text = herald_format_money (spent, currency);
  gtk_label_set_text (self->money_values[MONEY_SPENT], spent_text);
  if (herald_campaign_get_budget (self->campaign) > 0)
    {
      g_autofree char *budget = herald_format_money (herald_campaign_get_budget (self->campaign), currency);
      /* TRANSLATORS: under the money spent, "of € 5,000.00 budget" */
      g_autofree char *text = g_strdup_printf (_("of %s budget"), budget);
      gtk_label_set_text (self->money_details[MONEY_SPENT], text);
    }
  else
    gtk_label_set_text (self->money_details[MONEY_SPENT], "");
  if (herald_metrics_roi (revenue, spent, &roi))
    {
      g_autofree char *text = herald_format_percent (roi, 1);
      /* TRANSLATORS: under the ROI, its denominator, "on € 1,200.00 spent" */
      g_autofree char *detail = g_strdup_printf (_("on %s spent"), spent_text);

      gtk_label_set_text (self->money_values[MONEY_ROI], text);
      gtk_label_set_text (self->money_details[MONEY_ROI], detail);
    }
  else
    {
      gtk_label_set_text (self->money_values[MONEY_ROI], HERALD_NO_VALUE);
      gtk_label_set_text (self->money_details[MONEY_ROI], _("Nothing spent"));
    }
  gtk_label_set_text (self->money_details[MONEY_REVENUE], "");
}

static void
refresh (HeraldCampaignPerformance *self)
{
  const char *from = herald_date_range_get_from (self->date_range);
  const char *to = herald_date_range_get_to (self->date_range);
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(HeraldPerformanceDay) totals = NULL;
  g_autoptr(HeraldPerformanceDay) campaign_totals = NULL;
  g_autoptr(GDateTime) as_of = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  g_autofree char *title = NULL;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (self->store == NULL || self->campaign == NULL)
    {
      clear_view (self);
      return;
    }
  id = herald_record_get_id (HERALD_RECORD (self->campaign));
  days = herald_store_list_performance (self->store, id, from, to, &error);
  if (days != NULL)
    totals = herald_store_get_performance_totals (self->store, id, from, to, &error);
  if (totals != NULL)
    campaign_totals = herald_store_get_performance_totals (self->store, id, NULL, NULL, &error);
  if (days == NULL || totals == NULL || campaign_totals == NULL)
    {
      g_warning ("Could not read the performance of %s: %s", id, error->message);
      clear_view (self);
      return;
    }

  /* TRANSLATORS: chart title, the campaign's name */
  title = g_strdup_printf (_("Daily Activity of “%s”"), herald_campaign_get_name (self->campaign));
  herald_chart_set_title (self->series_chart, title);
  /* The funnel first: it tells whether there are machine opens to chart. */
  refresh_funnel (self, campaign_totals);
  refresh_series (self, days);
  refresh_money (self, totals);

  as_of = herald_performance_report_dup_as_of (self->store, id, NULL);
  if (as_of != NULL)
    {
      g_autofree char *when = herald_format_datetime (as_of);
      /* TRANSLATORS: the numbers come from the local copy; "As of 3/5/26, 14:02" */
      g_autofree char *text = g_strdup_printf (_("As of %s"), when);

      gtk_label_set_text (self->as_of_label, text);
    }
  else
    gtk_label_set_text (self->as_of_label, _("No data yet"));

  if (gtk_toggle_button_get_active (self->table_button))
    refresh_tables (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  HeraldCampaignPerformance *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (HeraldCampaignPerformance *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (200, refresh_idle_cb, self);
}

/* Callbacks ----------------------------------------------------------- */

static void
record_changed_cb (HeraldCampaignPerformance *self,
                   HeraldRecord              *old_record,
                   HeraldRecord              *new_record)
{
  HeraldRecord *record = new_record != NULL ? new_record : old_record;
  const char *id;

  if (self->campaign == NULL || record == NULL)
    return;
  id = herald_record_get_id (HERALD_RECORD (self->campaign));
  if ((HERALD_IS_PERFORMANCE_DAY (record)
       && g_strcmp0 (herald_performance_day_get_campaign_id (HERALD_PERFORMANCE_DAY (record)), id) == 0)
      || (HERALD_IS_CAMPAIGN (record) && g_strcmp0 (herald_record_get_id (record), id) == 0))
    schedule_refresh (self);
}

static void
table_reset_cb (HeraldCampaignPerformance *self)
{
  schedule_refresh (self);
}

static void
period_changed_cb (HeraldCampaignPerformance *self)
{
  refresh (self);
}

static void
series_toggled_cb (HeraldCampaignPerformance *self)
{
  g_autoptr(GPtrArray) days = NULL;

  if (self->store == NULL || self->campaign == NULL)
    return;
  days = herald_store_list_performance (self->store, herald_record_get_id (HERALD_RECORD (self->campaign)),
                                        herald_date_range_get_from (self->date_range),
                                        herald_date_range_get_to (self->date_range), NULL);
  if (days != NULL)
    refresh_series (self, days);
  if (gtk_toggle_button_get_active (self->table_button))
    refresh_tables (self);
}

typedef struct
{
  HeraldCampaignPerformance *self;
  HeraldPerformanceExport    format;
  gboolean                   funnel;
} ExportData;

static void
export_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  ExportData *data = user_data;
  g_autoptr(HeraldCampaignPerformance) self = data->self;
  HeraldPerformanceExport format = data->format;
  gboolean funnel = data->funnel;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkRoot *root;

  g_free (data);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL
      || !(funnel ? herald_campaign_performance_export_funnel (self, format, path, &error)
                  : herald_campaign_performance_export (self, format, path, &error)))
    {
      root = gtk_widget_get_root (GTK_WIDGET (self));
      if (GTK_IS_WINDOW (root))
        herald_dialogs_show_error (GTK_WINDOW (root), _("Could Not Export"),
                                   error != NULL ? error->message : _("The file is not on this computer."));
    }
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HeraldCampaignPerformance *self = HERALD_CAMPAIGN_PERFORMANCE (widget);
  ExportData *data = g_new0 (ExportData, 1);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  const char *title;

  data->self = g_object_ref (self);
  data->funnel = g_str_has_prefix (action_name, "performance.export-funnel-");
  if (g_str_has_suffix (action_name, "-png"))
    {
      data->format = HERALD_PERFORMANCE_EXPORT_PNG;
      if (data->funnel)
        {
          title = _("Export Funnel as PNG");
          /* TRANSLATORS: file name of an exported funnel; %s is the campaign's name */
          name = g_strdup_printf (_("%s – funnel.png"), herald_campaign_get_name (self->campaign));
        }
      else
        {
          title = _("Export Chart as PNG");
          /* TRANSLATORS: file name of an exported chart; %s is the campaign's name */
          name = g_strdup_printf (_("%s – daily activity.png"), herald_campaign_get_name (self->campaign));
        }
    }
  else if (g_str_has_suffix (action_name, "-svg"))
    {
      data->format = HERALD_PERFORMANCE_EXPORT_SVG;
      if (data->funnel)
        {
          title = _("Export Funnel as SVG");
          /* TRANSLATORS: file name of an exported funnel; %s is the campaign's name */
          name = g_strdup_printf (_("%s – funnel.svg"), herald_campaign_get_name (self->campaign));
        }
      else
        {
          title = _("Export Chart as SVG");
          /* TRANSLATORS: file name of an exported chart; %s is the campaign's name */
          name = g_strdup_printf (_("%s – daily activity.svg"), herald_campaign_get_name (self->campaign));
        }
    }
  else
    {
      data->format = HERALD_PERFORMANCE_EXPORT_CSV;
      if (data->funnel)
        {
          title = _("Export Funnel Data as CSV");
          /* TRANSLATORS: file name of a funnel's exported numbers; %s is the campaign's name */
          name = g_strdup_printf (_("%s – funnel.csv"), herald_campaign_get_name (self->campaign));
        }
      else
        {
          title = _("Export Data as CSV");
          /* TRANSLATORS: file name of exported numbers; %s is the campaign's name */
          name = g_strdup_printf (_("%s – daily activity.csv"), herald_campaign_get_name (self->campaign));
        }
    }
  g_strdelimit (name, "/\\", '-');
  herald_file_chooser_save (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title, name,
                            export_chosen_cb, data);
}

static void
update_actions (HeraldCampaignPerformance *self)
{
  gboolean enabled = self->store != NULL && self->campaign != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "performance.export-png", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "performance.export-svg", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "performance.export-csv", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "performance.export-funnel-png", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "performance.export-funnel-svg", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "performance.export-funnel-csv", enabled);
}

/* GObject ------------------------------------------------------------- */

static void
herald_campaign_performance_dispose (GObject *object)
{
  HeraldCampaignPerformance *self = HERALD_CAMPAIGN_PERFORMANCE (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->campaign);
  g_clear_object (&self->line_layer);
  g_clear_object (&self->funnel_layer);

  gtk_widget_dispose_template (GTK_WIDGET (self), HERALD_TYPE_CAMPAIGN_PERFORMANCE);

  g_clear_object (&self->series);

  G_OBJECT_CLASS (herald_campaign_performance_parent_class)->dispose (object);
}

static void
herald_campaign_performance_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  HeraldCampaignPerformance *self = HERALD_CAMPAIGN_PERFORMANCE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_campaign_performance_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  HeraldCampaignPerformance *self = HERALD_CAMPAIGN_PERFORMANCE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      herald_campaign_performance_set_store (self, g_value_get_object (value));
      break;
    case PROP_CAMPAIGN:
      herald_campaign_performance_set_campaign (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_campaign_performance_class_init (HeraldCampaignPerformanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_campaign_performance_dispose;
  object_class->get_property = herald_campaign_performance_get_property;
  object_class->set_property = herald_campaign_performance_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HERALD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL,
                         HERALD_TYPE_CAMPAIGN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HERALD_TYPE_CHART);
  g_type_ensure (HERALD_TYPE_DATE_RANGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-campaign-performance.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, date_range);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, table_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, export_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, metric_box);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, series_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, series_chart);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, series_table_scroller);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, funnel_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, funnel_chart);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, funnel_table_scroller);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, machine_note_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignPerformance, money_box);

  gtk_widget_class_install_action (widget_class, "performance.export-png", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "performance.export-svg", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "performance.export-csv", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "performance.export-funnel-png", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "performance.export-funnel-svg", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "performance.export-funnel-csv", NULL, export_action_cb);
}

static void
add_money_card (HeraldCampaignPerformance *self,
                guint                      index,
                const char                *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption = gtk_label_new (title);
  GtkWidget *value = gtk_label_new (HERALD_NO_VALUE);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "card");
  for (GtkWidget *w = caption; w != NULL; w = w == caption ? value : w == value ? detail : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (w), 0);
      gtk_widget_set_margin_start (w, 12);
      gtk_widget_set_margin_end (w, 12);
    }
  gtk_widget_set_margin_top (caption, 12);
  gtk_widget_set_margin_bottom (detail, 12);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, detail, NULL,
                                  -1);
  gtk_box_append (self->money_box, box);
  self->money_values[index] = GTK_LABEL (value);
  self->money_details[index] = GTK_LABEL (detail);
}

static void
herald_campaign_performance_init (HeraldCampaignPerformance *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint s = 0; s < N_SERIES; s++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (gettext (series_names[s]));

      /* Sent and delivered dwarf the rest; they are one click away. */
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), s >= HERALD_PERFORMANCE_SERIES_OPENS);
      gtk_box_append (self->metric_box, button);
      self->series_buttons[s] = GTK_TOGGLE_BUTTON (button);
      g_signal_connect_object (button, "toggled", G_CALLBACK (series_toggled_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->metric_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Series shown"),
                                  -1);

  self->series = g_list_store_new (HERALD_TYPE_CHART_SERIES);
  self->line_layer = herald_line_layer_new (G_LIST_MODEL (self->series));
  herald_chart_add_layer (self->series_chart, self->line_layer);
  self->funnel_layer = herald_funnel_layer_new ();
  herald_chart_add_layer (self->funnel_chart, self->funnel_layer);
  herald_chart_set_title (self->funnel_chart, _("Funnel"));

  add_money_card (self, MONEY_REVENUE, _("Revenue"));
  add_money_card (self, MONEY_SPENT, _("Spent"));
  add_money_card (self, MONEY_ROI, _("Return on Investment"));

  g_signal_connect_object (self->date_range, "changed", G_CALLBACK (period_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table_button, "toggled", G_CALLBACK (refresh_tables), self, G_CONNECT_SWAPPED);

  clear_view (self);
  update_actions (self);
}

/* Public API ---------------------------------------------------------- */

/**
 * herald_campaign_performance_new:
 * @store: (nullable): the store to read from
 *
 * Returns: (transfer floating): a widget showing one campaign's
 *   performance; give it the campaign with
 *   herald_campaign_performance_set_campaign()
 */
GtkWidget *
herald_campaign_performance_new (HeraldStore *store)
{
  g_return_val_if_fail (store == NULL || HERALD_IS_STORE (store), NULL);

  return g_object_new (HERALD_TYPE_CAMPAIGN_PERFORMANCE, "store", store, NULL);
}

/**
 * herald_campaign_performance_get_store:
 * @self: the widget
 *
 * Returns: (transfer none) (nullable): the store
 */
HeraldStore *
herald_campaign_performance_get_store (HeraldCampaignPerformance *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self), NULL);

  return self->store;
}

/**
 * herald_campaign_performance_set_store:
 * @self: the widget
 * @store: (nullable): the store to read from
 *
 * Sets the store; the widget follows its changes.
 */
void
herald_campaign_performance_set_store (HeraldCampaignPerformance *self,
                                       HeraldStore               *store)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self));
  g_return_if_fail (store == NULL || HERALD_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "record-changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "table-reset", G_CALLBACK (table_reset_cb), self, G_CONNECT_SWAPPED);
    }
  update_actions (self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * herald_campaign_performance_get_campaign:
 * @self: the widget
 *
 * Returns: (transfer none) (nullable): the campaign shown
 */
HeraldCampaign *
herald_campaign_performance_get_campaign (HeraldCampaignPerformance *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self), NULL);

  return self->campaign;
}

/**
 * herald_campaign_performance_set_campaign:
 * @self: the widget
 * @campaign: (nullable): the campaign to show
 *
 * Shows @campaign's performance over the chosen period.
 */
void
herald_campaign_performance_set_campaign (HeraldCampaignPerformance *self,
                                          HeraldCampaign            *campaign)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self));
  g_return_if_fail (campaign == NULL || HERALD_IS_CAMPAIGN (campaign));

  if (!g_set_object (&self->campaign, campaign))
    return;
  update_actions (self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/**
 * herald_campaign_performance_set_series_visible:
 * @self: the widget
 * @series: which daily series
 * @visible: whether to draw it
 *
 * Shows or hides a series, as its toggle button does.
 */
void
herald_campaign_performance_set_series_visible (HeraldCampaignPerformance *self,
                                                HeraldPerformanceSeries    series,
                                                gboolean                   visible)
{
  g_return_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self));
  g_return_if_fail (series < N_SERIES);

  gtk_toggle_button_set_active (self->series_buttons[series], visible);
}

/**
 * herald_campaign_performance_get_date_range:
 * @self: the widget
 *
 * Returns: (transfer none): the period selector
 */
HeraldDateRange *
herald_campaign_performance_get_date_range (HeraldCampaignPerformance *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self), NULL);

  return self->date_range;
}

/**
 * herald_campaign_performance_get_chart:
 * @self: the widget
 *
 * Returns: (transfer none): the chart of the daily series
 */
HeraldChart *
herald_campaign_performance_get_chart (HeraldCampaignPerformance *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self), NULL);

  return self->series_chart;
}

/**
 * herald_campaign_performance_get_funnel:
 * @self: the widget
 *
 * Returns: (transfer none): the funnel chart
 */
HeraldChart *
herald_campaign_performance_get_funnel (HeraldCampaignPerformance *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self), NULL);

  return self->funnel_chart;
}

/**
 * herald_campaign_performance_dup_money_text:
 * @self: the widget
 * @index: 0 revenue, 1 spent, 2 ROI
 *
 * Returns: (transfer full): the value shown on that card
 */
char *
herald_campaign_performance_dup_money_text (HeraldCampaignPerformance *self,
                                            guint                      index)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self), NULL);
  g_return_val_if_fail (index < N_MONEY, NULL);

  return g_strdup (gtk_label_get_text (self->money_values[index]));
}

/**
 * herald_performance_export_chart:
 * @chart: a chart
 * @format: what to write
 * @path: the file
 * @width: the image's width in pixels (PNG, SVG)
 * @height: the image's height in pixels (PNG, SVG)
 * @error: return location for an error
 *
 * Writes @chart as an image or its numbers as CSV: what every export
 * menu of the dashboards does with the file the user chose.
 *
 * Returns: whether the file was written
 */
gboolean
herald_performance_export_chart (HeraldChart              *chart,
                                 HeraldPerformanceExport   format,
                                 const char               *path,
                                 int                       width,
                                 int                       height,
                                 GError                  **error)
{
  g_return_val_if_fail (HERALD_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  switch (format)
    {
    case HERALD_PERFORMANCE_EXPORT_PNG:
      return herald_chart_export_png (chart, path, width, height, error);
    case HERALD_PERFORMANCE_EXPORT_SVG:
      return herald_chart_export_svg (chart, path, width, height, error);
    case HERALD_PERFORMANCE_EXPORT_CSV:
      return herald_chart_export_csv (chart, path, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * herald_campaign_performance_export:
 * @self: the widget
 * @format: what to write
 * @path: the file
 * @error: return location for an error
 *
 * Writes the daily chart (1200 × 600 pixels) or its numbers to @path; the
 * export menu calls it with the file the user chose.
 *
 * Returns: whether the file was written
 */
gboolean
herald_campaign_performance_export (HeraldCampaignPerformance  *self,
                                    HeraldPerformanceExport     format,
                                    const char                 *path,
                                    GError                    **error)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self), FALSE);

  return herald_performance_export_chart (self->series_chart, format, path,
                                          EXPORT_WIDTH, EXPORT_HEIGHT, error);
}

/**
 * herald_campaign_performance_export_funnel:
 * @self: the widget
 * @format: what to write
 * @path: the file
 * @error: return location for an error
 *
 * Writes the funnel (1200 × 400 pixels) or its numbers (step, count, rate
 * from the step before, rate from the audience) to @path, as
 * herald_campaign_performance_export() does for the daily chart.
 *
 * Returns: whether the file was written
 */
gboolean
herald_campaign_performance_export_funnel (HeraldCampaignPerformance  *self,
                                           HeraldPerformanceExport     format,
                                           const char                 *path,
                                           GError                    **error)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self), FALSE);

  return herald_performance_export_chart (self->funnel_chart, format, path,
                                          EXPORT_WIDTH, EXPORT_FUNNEL_HEIGHT, error);
}

/**
 * herald_campaign_performance_get_as_of_text:
 * @self: the widget
 *
 * Returns: how fresh the numbers are, as shown ("As of …", or "No data
 *   yet")
 */
const char *
herald_campaign_performance_get_as_of_text (HeraldCampaignPerformance *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self), NULL);

  return gtk_label_get_text (self->as_of_label);
}

/**
 * herald_campaign_performance_get_machine_open_note:
 * @self: the widget
 *
 * Returns: (nullable): the note under the funnel about machine opens not
 *   counted, %NULL when the campaign has none (and no note is shown)
 */
const char *
herald_campaign_performance_get_machine_open_note (HeraldCampaignPerformance *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_PERFORMANCE (self), NULL);

  return self->has_machine_opens ? gtk_label_get_text (self->machine_note_label) : NULL;
}

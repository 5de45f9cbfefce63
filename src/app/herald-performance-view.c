/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-performance-view.c: the Performance view of the main window:
 * totals of a period, a comparison table of campaigns sorted in SQL, and a
 * chart comparing the campaigns selected in the table. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "herald-a11y.h"
#include "herald-campaign-performance.h"
#include "herald-chart.h"
#include "herald-chart-series.h"
#include "herald-date-range.h"
#include "herald-dialogs.h"
#include "herald-file-chooser.h"
#include "herald-line-layer.h"
#include "herald-performance-view.h"

/* The chart's palette has six distinguishable styles. */
#define MAX_COMPARED 6

typedef enum {
  TOTAL_SENT,
  TOTAL_DELIVERED,
  TOTAL_OPENS,
  TOTAL_CLICKS,
  TOTAL_CONVERSIONS,
  TOTAL_REVENUE,
  TOTAL_SPENT,
  TOTAL_ROI,
  N_TOTALS
} Total;

typedef enum {
  COLUMN_NAME,
  COLUMN_SENT,
  COLUMN_OPEN_RATE,
  COLUMN_CLICK_RATE,
  COLUMN_CLICK_TO_OPEN,
  COLUMN_CONVERSION_RATE,
  COLUMN_REVENUE,
  COLUMN_ROI,
  N_COLUMNS
} Column;

typedef enum {
  METRIC_SENT,
  METRIC_DELIVERED,
  METRIC_OPENS,
  METRIC_CLICKS,
  METRIC_CONVERSIONS,
  METRIC_OPEN_RATE,
  METRIC_CLICK_RATE,
  METRIC_CONVERSION_RATE,
  N_METRICS
} Metric;

static const char *metric_names[N_METRICS] = {
  N_("Sent"),
  N_("Delivered"),
  N_("Opens"),
  N_("Clicks"),
  N_("Conversions"),
  N_("Open Rate"),
  N_("Click Rate"),
  N_("Conversion Rate"),
};

/* Sort choices in the order of the drop-down. */
static const struct {
  const char            *name;
  HeraldPerformanceSort  sort;
} sort_choices[] = {
  { N_("Open Rate"), HERALD_PERFORMANCE_SORT_OPEN_RATE },
  { N_("Click Rate"), HERALD_PERFORMANCE_SORT_CLICK_RATE },
  { N_("Click-to-Open Rate"), HERALD_PERFORMANCE_SORT_CLICK_TO_OPEN },
  { N_("Conversion Rate"), HERALD_PERFORMANCE_SORT_CONVERSION_RATE },
  { N_("Revenue"), HERALD_PERFORMANCE_SORT_REVENUE },
  { N_("ROI"), HERALD_PERFORMANCE_SORT_ROI },
  { N_("Sent"), HERALD_PERFORMANCE_SORT_SENT },
  { N_("Name"), HERALD_PERFORMANCE_SORT_NAME },
};

struct _HeraldPerformanceView
{
  AdwBin              parent_instance;

  HeraldStore        *store;
  GListStore         *rows;
  GtkMultiSelection  *selection;
  GListStore         *compare_series;
  HeraldChartLayer   *compare_layer;
  guint               refresh_source;
  gboolean            needs_refresh;

  AdwStatusPage      *empty_page;
  GtkWidget          *content;
  HeraldDateRange    *date_range;
  GtkLabel           *as_of_label;
  GtkFlowBox         *totals_box;
  GtkLabel           *campaigns_label;
  GtkDropDown        *sort_dropdown;
  GtkToggleButton    *descending_button;
  GtkColumnView      *campaign_table;
  GtkDropDown        *metric_dropdown;
  GtkToggleButton    *compare_table_button;
  GtkLabel           *compare_hint;
  GtkStack           *compare_stack;
  HeraldChart        *compare_chart;
  GtkScrolledWindow  *compare_table_scroller;

  GtkLabel           *total_values[N_TOTALS];
  GtkLabel           *total_details[N_TOTALS];
};

G_DEFINE_FINAL_TYPE (HeraldPerformanceView, herald_performance_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (HeraldPerformanceView *self);
static void refresh_chart (HeraldPerformanceView *self);

/* Helpers ------------------------------------------------------------- */

/* "24.1 % of 3,210 delivered": a rate always says what it is out of.  A
 * macro so that the translated format stays a checked literal. */
#define rate_detail(numerator, denominator, format) \
  ({ g_autofree char *rate_ = herald_format_rate ((numerator), (denominator), 1); \
     g_autofree char *count_ = herald_format_count (denominator); \
     g_strdup_printf (format, rate_, count_); })

static char *
delivered_detail (gint64 numerator,
                  gint64 delivered)
{
  /* TRANSLATORS: a rate and its denominator, "24.1 % of 3,210 delivered" */
  return rate_detail (numerator, delivered, _("%s of %s delivered"));
}

static char *
roi_text (gint64 revenue,
          gint64 spent)
{
  double roi;

  if (!herald_metrics_roi (revenue, spent, &roi))
    return g_strdup (HERALD_NO_VALUE);
  return herald_format_percent (roi, 1);
}

static guint32
julian_of (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return 0;
  return g_date_get_julian (&(GDate) { .julian = FALSE, .dmy = TRUE, .day = d, .month = m, .year = y });
}

static double
metric_value (HeraldPerformanceDay *day,
              Metric                metric)
{
  gint64 delivered = herald_performance_day_get_delivered_count (day);
  double v;

  switch (metric)
    {
    case METRIC_SENT:
      return herald_performance_day_get_sent_count (day);
    case METRIC_DELIVERED:
      return delivered;
    case METRIC_OPENS:
      return herald_performance_day_get_open_count (day);
    case METRIC_CLICKS:
      return herald_performance_day_get_click_count (day);
    case METRIC_CONVERSIONS:
      return herald_performance_day_get_conversion_count (day);
    case METRIC_OPEN_RATE:
      return herald_metrics_open_rate (herald_performance_day_get_open_count (day), delivered, &v) ? v : NAN;
    case METRIC_CLICK_RATE:
      return herald_metrics_click_rate (herald_performance_day_get_click_count (day), delivered, &v) ? v : NAN;
    case METRIC_CONVERSION_RATE:
      return herald_metrics_conversion_rate (herald_performance_day_get_conversion_count (day), delivered, &v) ? v : NAN;
    case N_METRICS:
    default:
      g_assert_not_reached ();
    }
}

/* One value per day from @first to @last; a day without a row has no
 * traffic (0) for counts and no value (a gap) for rates.  An SMS campaign
 * (@no_opens) has no open rate at all. */
static HeraldChartSeries *
series_from_days (const char *name,
                  GPtrArray  *days,
                  guint32     first,
                  guint32     last,
                  Metric      metric,
                  gboolean    no_opens)
{
  HeraldChartSeries *series = herald_chart_series_new (name);
  guint n = last >= first ? last - first + 1 : 0;
  g_autofree double *values = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    values[i] = metric >= METRIC_OPEN_RATE ? NAN : 0.0;
  for (guint i = 0; i < days->len; i++)
    {
      guint32 j = julian_of (herald_performance_day_get_date (g_ptr_array_index (days, i)));

      if (j >= first && j <= last && !(no_opens && metric == METRIC_OPEN_RATE))
        values[j - first] = metric_value (g_ptr_array_index (days, i), metric);
    }
  herald_chart_series_set_daily (series, first, values, n);
  return series;
}

/* Totals -------------------------------------------------------------- */

static void
add_total_card (HeraldPerformanceView *self,
                Total                  total,
                const char            *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption = gtk_label_new (title);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (caption, 12);
  gtk_widget_set_margin_start (caption, 12);
  gtk_widget_set_margin_end (caption, 12);
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "caption-heading");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_widget_set_margin_start (value, 12);
  gtk_widget_set_margin_end (value, 12);
  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (value, "numeric");
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  /* A long denominator ("… zugestellten (ohne SMS)") wraps instead of
   * widening every card, which would leave a row of four one short. */
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 27);
  gtk_widget_set_margin_start (detail, 12);
  gtk_widget_set_margin_end (detail, 12);
  gtk_widget_set_margin_bottom (detail, 12);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, detail, NULL,
                                  -1);
  gtk_flow_box_append (self->totals_box, box);
  gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);
  self->total_values[total] = GTK_LABEL (value);
  self->total_details[total] = GTK_LABEL (detail);
}

static void
set_total (HeraldPerformanceView *self,
           Total                  total,
           char                  *value,
           char                  *detail)
{
  gtk_label_set_text (self->total_values[total], value);
  gtk_label_set_text (self->total_details[total], detail != NULL ? detail : "");
  g_free (value);
  g_free (detail);
}

static void
refresh_totals (HeraldPerformanceView *self)
{
  g_autoptr(HeraldPerformanceDay) t = NULL;
  g_autoptr(GError) error = NULL;
  const char *currency;
  gint64 sent, delivered, opens, clicks, conversions, revenue, spent;
  gint64 open_delivered, open_clicks;

  t = herald_store_get_performance_totals (self->store, NULL,
                                           herald_date_range_get_from (self->date_range),
                                           herald_date_range_get_to (self->date_range),
                                           &error);
  if (t == NULL)
    {
      g_warning ("Could not read the totals: %s", error->message);
      return;
    }
  /* The open rate and click-to-open rate leave SMS out.  The table's rows
   * already hold the period's sums per campaign with its type: adding them
   * up costs nothing, where a second pass over the period's days joined
   * with the campaigns took longer than the totals themselves. */
  open_delivered = opens = open_clicks = 0;
  for (guint i = 0, n = g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i < n; i++)
    {
      g_autoptr(HeraldPerformanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (herald_performance_row_get_campaign_type (row) == HERALD_CAMPAIGN_TYPE_SMS)
        continue;
      open_delivered += herald_performance_row_get_delivered_count (row);
      opens += herald_performance_row_get_open_count (row);
      open_clicks += herald_performance_row_get_click_count (row);
    }
  sent = herald_performance_day_get_sent_count (t);
  delivered = herald_performance_day_get_delivered_count (t);
  /* opens: of the channels that can be opened, from the open totals */
  clicks = herald_performance_day_get_click_count (t);
  conversions = herald_performance_day_get_conversion_count (t);
  revenue = herald_performance_day_get_revenue (t);
  spent = herald_performance_day_get_spent (t);
  currency = herald_performance_day_get_currency (t);

  set_total (self, TOTAL_SENT, herald_format_count (sent), NULL);
  /* TRANSLATORS: a rate and its denominator, "96.8 % of 11,420 sent" */
  set_total (self, TOTAL_DELIVERED, herald_format_count (delivered), rate_detail (delivered, sent, _("%s of %s sent")));
  {
    gint64 machine = herald_performance_day_get_machine_open_count (t);
    /* SMS cannot be opened: their deliveries are not in the denominator. */
    g_autofree char *of_delivered = open_delivered < delivered
                                    /* TRANSLATORS: the open rate of many campaigns, "24.1 % of 3,210 delivered (no SMS)" */
                                    ? rate_detail (opens, open_delivered, _("%s of %s delivered (no SMS)"))
                                    : delivered_detail (opens, open_delivered);

    if (machine > 0)
      {
        g_autofree char *count = herald_format_count (machine);
        /* TRANSLATORS: under the opens of the period; %s is a number.
         * Machine opens are opens by Apple Mail Privacy Protection's proxy
         * or security scanners: no open rate counts them. */
        g_autofree char *note = g_strdup_printf (ngettext ("+ %s machine open not counted",
                                                           "+ %s machine opens not counted",
                                                           (gulong) MIN (machine, G_MAXLONG)),
                                                 count);

        set_total (self, TOTAL_OPENS, herald_format_count (opens), g_strdup_printf ("%s\n%s", of_delivered, note));
      }
    else
      set_total (self, TOTAL_OPENS, herald_format_count (opens), g_steal_pointer (&of_delivered));
  }
  {
    g_autofree char *of_delivered = delivered_detail (clicks, delivered);
    /* TRANSLATORS: click-to-open rate and its denominator, "17.0 % of 774 opens";
     * only the clicks of campaigns that can be opened count */
    g_autofree char *of_opens = rate_detail (open_clicks, opens, _("%s of %s opens"));

    set_total (self, TOTAL_CLICKS, herald_format_count (clicks), g_strdup_printf ("%s\n%s", of_delivered, of_opens));
  }
  set_total (self, TOTAL_CONVERSIONS, herald_format_count (conversions), delivered_detail (conversions, delivered));
  set_total (self, TOTAL_REVENUE, herald_format_money (revenue, currency), NULL);
  set_total (self, TOTAL_SPENT, herald_format_money (spent, currency), NULL);
  {
    g_autofree char *money = herald_format_money (spent, currency);
    /* TRANSLATORS: the denominator of the return on investment, "of € 1,200.00 spent" */
    set_total (self, TOTAL_ROI, roi_text (revenue, spent),
               spent > 0 ? g_strdup_printf (_("on %s spent"), money) : g_strdup (_("Nothing spent")));
  }
}

/* Comparison table ---------------------------------------------------- */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (value), column == COLUMN_NAME ? 0 : 1);
  gtk_box_append (GTK_BOX (box), value);
  if (column == COLUMN_NAME)
    gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
  else
    gtk_widget_add_css_class (value, "numeric");
  if (column != COLUMN_NAME && column != COLUMN_SENT && column != COLUMN_REVENUE)
    {
      GtkWidget *detail = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (detail), 1);
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_widget_add_css_class (detail, "numeric");
      gtk_box_append (GTK_BOX (box), detail);
    }
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

/* The text of a cell of the comparison table and, for rates and the ROI,
 * its denominator below ("of 3,210 delivered"). */
static void
format_cell (HeraldPerformanceRow  *row,
             Column                 column,
             char                 **value,
             char                 **denominator)
{
  gint64 delivered = herald_performance_row_get_delivered_count (row);
  gint64 opens = herald_performance_row_get_open_count (row);
  char *text = NULL;

  /* An SMS cannot be opened: "0 %" would be a rate that does not exist. */
  if ((column == COLUMN_OPEN_RATE || column == COLUMN_CLICK_TO_OPEN)
      && herald_performance_row_get_campaign_type (row) == HERALD_CAMPAIGN_TYPE_SMS)
    {
      *value = g_strdup (HERALD_NO_VALUE);
      /* TRANSLATORS: under the open rate of an SMS campaign in the table */
      *denominator = g_strdup (_("SMS has no opens"));
      return;
    }

  switch (column)
    {
    case COLUMN_NAME:
      text = g_strdup (herald_performance_row_get_name (row));
      break;
    case COLUMN_SENT:
      text = herald_format_count (herald_performance_row_get_sent_count (row));
      break;
    case COLUMN_OPEN_RATE:
      text = herald_format_rate (opens, delivered, 1);
      break;
    case COLUMN_CLICK_RATE:
      text = herald_format_rate (herald_performance_row_get_click_count (row), delivered, 1);
      break;
    case COLUMN_CLICK_TO_OPEN:
      text = herald_format_rate (herald_performance_row_get_click_count (row), opens, 1);
      break;
    case COLUMN_CONVERSION_RATE:
      text = herald_format_rate (herald_performance_row_get_conversion_count (row), delivered, 1);
      break;
    case COLUMN_REVENUE:
      text = herald_format_money (herald_performance_row_get_revenue (row), herald_performance_row_get_currency (row));
      break;
    case COLUMN_ROI:
      text = roi_text (herald_performance_row_get_revenue (row), herald_performance_row_get_spent (row));
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  *value = text;

  if (column == COLUMN_NAME || column == COLUMN_SENT || column == COLUMN_REVENUE)
    *denominator = NULL;
  else if (column == COLUMN_CLICK_TO_OPEN)
    {
      g_autofree char *count = herald_format_count (opens);
      /* TRANSLATORS: the denominator under a rate in the table, "of 774 opens" */
      *denominator = g_strdup_printf (_("of %s opens"), count);
    }
  else if (column == COLUMN_ROI)
    {
      g_autofree char *money = herald_format_money (herald_performance_row_get_spent (row),
                                                    herald_performance_row_get_currency (row));
      /* TRANSLATORS: the denominator under the ROI in the table, "on € 120.00" */
      *denominator = g_strdup_printf (_("on %s"), money);
    }
  else
    {
      g_autofree char *count = herald_format_count (delivered);
      /* TRANSLATORS: the denominator under a rate in the table, "of 3,210 delivered" */
      *denominator = g_strdup_printf (_("of %s delivered"), count);
    }
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  HeraldPerformanceRow *row = gtk_list_item_get_item (item);
  GtkWidget *value = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *detail = gtk_widget_get_next_sibling (value);
  g_autofree char *text = NULL;
  g_autofree char *denominator = NULL;

  format_cell (row, column, &text, &denominator);
  gtk_label_set_text (GTK_LABEL (value), text);
  if (detail != NULL)
    gtk_label_set_text (GTK_LABEL (detail), denominator);
}

static void
add_column (HeraldPerformanceView *self,
            Column                 column,
            const char            *title,
            gboolean               expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->campaign_table, col);
}

static HeraldPerformanceSort
current_sort (HeraldPerformanceView *self)
{
  guint i = gtk_drop_down_get_selected (self->sort_dropdown);

  return sort_choices[MIN (i, G_N_ELEMENTS (sort_choices) - 1)].sort;
}

static void
refresh_table (HeraldPerformanceView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;

  rows = herald_performance_report_list_campaigns (self->store,
                                                   herald_date_range_get_from (self->date_range),
                                                   herald_date_range_get_to (self->date_range),
                                                   current_sort (self),
                                                   gtk_toggle_button_get_active (self->descending_button),
                                                   &error);
  if (rows == NULL)
    {
      g_warning ("Could not compare the campaigns: %s", error->message);
      rows = g_ptr_array_new_with_free_func (g_object_unref);
    }
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);

  count = herald_format_count (rows->len);
  title = g_strdup_printf (ngettext ("%s Campaign with Data", "%s Campaigns with Data", rows->len), count);
  gtk_label_set_text (self->campaigns_label, title);
}

/* Comparison chart ---------------------------------------------------- */

static void
refresh_chart (HeraldPerformanceView *self)
{
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  Metric metric = MIN (gtk_drop_down_get_selected (self->metric_dropdown), N_METRICS - 1);
  const char *from = herald_date_range_get_from (self->date_range);
  const char *to = herald_date_range_get_to (self->date_range);
  g_autoptr(GPtrArray) all_days = NULL;
  g_autofree char *title = NULL;
  guint64 n_selected = gtk_bitset_get_size (selected);
  GtkBitsetIter iter;
  guint32 first, last;
  guint position;

  if (self->store == NULL)
    return;

  /* The x range is the period, or for "all time" the days with data. */
  all_days = herald_store_list_performance (self->store, NULL, from, to, NULL);
  if (all_days == NULL)
    all_days = g_ptr_array_new_with_free_func (g_object_unref);
  first = from != NULL ? julian_of (from)
                       : all_days->len > 0 ? julian_of (herald_performance_day_get_date (g_ptr_array_index (all_days, 0))) : 0;
  last = to != NULL ? julian_of (to)
                    : all_days->len > 0 ? julian_of (herald_performance_day_get_date (g_ptr_array_index (all_days, all_days->len - 1))) : 0;

  if (first == 0 || last < first)
    ;
  else if (n_selected == 0 && metric == METRIC_OPEN_RATE)
    {
      /* SMS deliveries would dilute the open rate of all campaigns. */
      g_autoptr(GPtrArray) open_days = herald_performance_report_list_open_days (self->store, from, to, NULL);

      if (open_days != NULL)
        g_ptr_array_add (series, series_from_days (_("All campaigns"), open_days, first, last, metric, FALSE));
    }
  else if (n_selected == 0)
    g_ptr_array_add (series, series_from_days (_("All campaigns"), all_days, first, last, metric, FALSE));
  else
    for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
         ok && series->len < MAX_COMPARED;
         ok = gtk_bitset_iter_next (&iter, &position))
      {
        g_autoptr(HeraldPerformanceRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
        g_autoptr(GPtrArray) days = herald_store_list_performance (self->store,
                                                                   herald_performance_row_get_campaign_id (row),
                                                                   from, to, NULL);
        if (days != NULL)
          g_ptr_array_add (series, series_from_days (herald_performance_row_get_name (row), days, first, last, metric,
                                                     herald_performance_row_get_campaign_type (row) == HERALD_CAMPAIGN_TYPE_SMS));
      }

  g_list_store_splice (self->compare_series, 0, g_list_model_get_n_items (G_LIST_MODEL (self->compare_series)),
                       series->pdata, series->len);
  herald_chart_set_percent_values (self->compare_chart, metric >= METRIC_OPEN_RATE);
  /* TRANSLATORS: chart title, "Opens per Day" */
  title = g_strdup_printf (_("%s per Day"), gettext (metric_names[metric]));
  herald_chart_set_title (self->compare_chart, title);

  if (n_selected == 0)
    gtk_label_set_text (self->compare_hint,
                        _("All campaigns together. Select campaigns in the table to compare them with each other."));
  else if (n_selected > MAX_COMPARED)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("The first %d selected campaign is shown; a chart stays readable with up to six lines.",
                                                         "The first %d selected campaigns are shown; a chart stays readable with up to six lines.",
                                                         MAX_COMPARED), MAX_COMPARED);
      gtk_label_set_text (self->compare_hint, text);
    }
  else
    gtk_label_set_text (self->compare_hint, _("Hold Ctrl or Shift in the table to select more campaigns."));

  if (gtk_toggle_button_get_active (self->compare_table_button))
    gtk_scrolled_window_set_child (self->compare_table_scroller,
                                   herald_chart_create_table_view (self->compare_chart));
}

static void
compare_table_toggled_cb (HeraldPerformanceView *self)
{
  gboolean table = gtk_toggle_button_get_active (self->compare_table_button);

  if (table)
    gtk_scrolled_window_set_child (self->compare_table_scroller,
                                   herald_chart_create_table_view (self->compare_chart));
  else
    gtk_scrolled_window_set_child (self->compare_table_scroller, NULL);
  gtk_stack_set_visible_child_name (self->compare_stack, table ? "table" : "chart");
}

typedef struct
{
  HeraldPerformanceView   *self;
  HeraldPerformanceExport  format;
} ExportData;

static void
export_chosen_cb (GFile    *file,
                  gpointer  user_data)
{
  ExportData *data = user_data;
  g_autoptr(HeraldPerformanceView) self = data->self;
  HeraldPerformanceExport format = data->format;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_free (data);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL || !herald_performance_view_export (self, format, path, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      herald_dialogs_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Could Not Export"),
                                 error != NULL ? error->message : _("The file is not on this computer."));
    }
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ExportData *data = g_new0 (ExportData, 1);
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *title, *name;

  data->self = g_object_ref (HERALD_PERFORMANCE_VIEW (widget));
  if (g_str_equal (action_name, "performance-view.export-png"))
    {
      data->format = HERALD_PERFORMANCE_EXPORT_PNG;
      title = _("Export Chart as PNG");
      /* TRANSLATORS: file name of the exported comparison chart */
      name = _("campaign comparison.png");
    }
  else if (g_str_equal (action_name, "performance-view.export-svg"))
    {
      data->format = HERALD_PERFORMANCE_EXPORT_SVG;
      title = _("Export Chart as SVG");
      /* TRANSLATORS: file name of the exported comparison chart */
      name = _("campaign comparison.svg");
    }
  else
    {
      data->format = HERALD_PERFORMANCE_EXPORT_CSV;
      title = _("Export Data as CSV");
      /* TRANSLATORS: file name of the exported comparison numbers */
      name = _("campaign comparison.csv");
    }
  herald_file_chooser_save (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, title, name,
                            export_chosen_cb, data);
}

/* Refresh ------------------------------------------------------------- */

static void
refresh_as_of (HeraldPerformanceView *self)
{
  g_autoptr(GDateTime) as_of = herald_performance_report_dup_as_of (self->store, NULL, NULL);
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (as_of == NULL)
    {
      gtk_label_set_text (self->as_of_label, "");
      return;
    }
  when = herald_format_datetime (as_of);
  /* TRANSLATORS: the dashboard is computed from the local copy; "As of 3/5/26, 14:02" */
  text = g_strdup_printf (_("As of %s"), when);
  gtk_label_set_text (self->as_of_label, text);
}

static void
refresh (HeraldPerformanceView *self)
{
  gboolean has_data;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  /* The window gives every view the store at startup; a view nobody looks
   * at should not sum thousands of campaigns. */
  if (self->store != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->needs_refresh = TRUE;
      return;
    }
  self->needs_refresh = FALSE;

  has_data = self->store != NULL && herald_performance_report_has_data (self->store, NULL);
  if (!has_data)
    {
      g_list_store_remove_all (self->rows);
      g_list_store_remove_all (self->compare_series);
      if (adw_bin_get_child (ADW_BIN (self)) != GTK_WIDGET (self->empty_page))
        adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->empty_page));
      return;
    }

  refresh_as_of (self);
  /* The totals sum the table's rows for the open rates. */
  refresh_table (self);
  refresh_totals (self);
  refresh_chart (self);
  if (adw_bin_get_child (ADW_BIN (self)) != self->content)
    adw_bin_set_child (ADW_BIN (self), self->content);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  HeraldPerformanceView *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (HeraldPerformanceView *self)
{
  /* A sync or an import changes many rows at once: redo everything once. */
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (200, refresh_idle_cb, self);
}

/* Only performance days and campaign names show here; a recipient or a
 * template edit must not cost a refresh over thousands of campaigns. */
static void
record_changed_cb (HeraldPerformanceView *self,
                   HeraldRecord          *old_record,
                   HeraldRecord          *new_record)
{
  HeraldRecord *record = new_record != NULL ? new_record : old_record;

  if (HERALD_IS_PERFORMANCE_DAY (record)
      || (HERALD_IS_CAMPAIGN (record)
          && (old_record == NULL || new_record == NULL
              || g_strcmp0 (herald_campaign_get_name (HERALD_CAMPAIGN (old_record)),
                            herald_campaign_get_name (HERALD_CAMPAIGN (new_record))) != 0)))
    schedule_refresh (self);
}

static void
table_reset_cb (HeraldPerformanceView *self,
                const char            *table)
{
  if (g_strcmp0 (table, "performance") == 0 || g_strcmp0 (table, "campaigns") == 0)
    schedule_refresh (self);
}

static void
period_changed_cb (HeraldPerformanceView *self)
{
  if (self->store != NULL)
    refresh (self);
}

static void
sort_changed_cb (HeraldPerformanceView *self)
{
  gtk_button_set_icon_name (GTK_BUTTON (self->descending_button),
                            gtk_toggle_button_get_active (self->descending_button)
                            ? "view-sort-descending-symbolic" : "view-sort-ascending-symbolic");
  if (self->store == NULL)
    return;
  refresh_table (self);
  refresh_chart (self);
}

static void
selection_changed_cb (HeraldPerformanceView *self)
{
  refresh_chart (self);
}

/* GObject ------------------------------------------------------------- */

static void
herald_performance_view_dispose (GObject *object)
{
  HeraldPerformanceView *self = HERALD_PERFORMANCE_VIEW (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->content);
  g_clear_object (&self->empty_page);
  g_clear_object (&self->compare_layer);

  gtk_widget_dispose_template (GTK_WIDGET (self), HERALD_TYPE_PERFORMANCE_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->compare_series);

  G_OBJECT_CLASS (herald_performance_view_parent_class)->dispose (object);
}

static void
herald_performance_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  HeraldPerformanceView *self = HERALD_PERFORMANCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_performance_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  HeraldPerformanceView *self = HERALD_PERFORMANCE_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      herald_performance_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_performance_view_map (GtkWidget *widget)
{
  HeraldPerformanceView *self = HERALD_PERFORMANCE_VIEW (widget);

  GTK_WIDGET_CLASS (herald_performance_view_parent_class)->map (widget);

  if (self->needs_refresh)
    refresh (self);
}

static void
herald_performance_view_class_init (HeraldPerformanceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = herald_performance_view_map;
  object_class->dispose = herald_performance_view_dispose;
  object_class->get_property = herald_performance_view_get_property;
  object_class->set_property = herald_performance_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HERALD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HERALD_TYPE_CHART);
  g_type_ensure (HERALD_TYPE_DATE_RANGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-performance-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, content);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, date_range);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, totals_box);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, campaigns_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, descending_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, campaign_table);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, compare_table_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, compare_hint);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, compare_stack);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, compare_chart);
  gtk_widget_class_bind_template_child (widget_class, HeraldPerformanceView, compare_table_scroller);

  gtk_widget_class_install_action (widget_class, "performance-view.export-png", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "performance-view.export-svg", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "performance-view.export-csv", NULL, export_action_cb);
}

static GtkStringList *
string_list_of (const char * const *names,
                gsize               stride,
                guint               n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, gettext (*(const char * const *) ((const char *) names + i * stride)));
  return list;
}

static void
herald_performance_view_init (HeraldPerformanceView *self)
{
  g_autoptr(GtkStringList) sorts = NULL;
  g_autoptr(GtkStringList) metrics = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  herald_a11y_name_drop_downs (GTK_WIDGET (self));

  /* Both pages stay alive while the other one is shown. */
  g_object_ref_sink (self->content);
  g_object_ref (self->empty_page);

  add_total_card (self, TOTAL_SENT, _("Sent"));
  add_total_card (self, TOTAL_DELIVERED, _("Delivered"));
  add_total_card (self, TOTAL_OPENS, _("Opens"));
  add_total_card (self, TOTAL_CLICKS, _("Clicks"));
  add_total_card (self, TOTAL_CONVERSIONS, _("Conversions"));
  add_total_card (self, TOTAL_REVENUE, _("Revenue"));
  add_total_card (self, TOTAL_SPENT, _("Spent"));
  add_total_card (self, TOTAL_ROI, _("Return on Investment"));

  self->rows = g_list_store_new (HERALD_TYPE_PERFORMANCE_ROW);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->campaign_table, GTK_SELECTION_MODEL (self->selection));
  add_column (self, COLUMN_NAME, _("Campaign"), TRUE);
  add_column (self, COLUMN_SENT, _("Sent"), FALSE);
  add_column (self, COLUMN_OPEN_RATE, _("Open Rate"), FALSE);
  add_column (self, COLUMN_CLICK_RATE, _("Click Rate"), FALSE);
  /* TRANSLATORS: column title, click-to-open rate; keep it short */
  add_column (self, COLUMN_CLICK_TO_OPEN, C_("column", "CTOR"), FALSE);
  /* TRANSLATORS: column title, conversion rate; keep it short */
  add_column (self, COLUMN_CONVERSION_RATE, C_("column", "Conversion"), FALSE);
  add_column (self, COLUMN_REVENUE, _("Revenue"), FALSE);
  add_column (self, COLUMN_ROI, _("ROI"), FALSE);

  sorts = string_list_of (&sort_choices[0].name, sizeof sort_choices[0], G_N_ELEMENTS (sort_choices));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sorts));
  metrics = string_list_of (metric_names, sizeof metric_names[0], N_METRICS);
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (metrics));
  gtk_drop_down_set_selected (self->metric_dropdown, METRIC_OPENS);

  self->compare_series = g_list_store_new (HERALD_TYPE_CHART_SERIES);
  self->compare_layer = herald_line_layer_new (G_LIST_MODEL (self->compare_series));
  herald_chart_add_layer (self->compare_chart, self->compare_layer);

  g_signal_connect_object (self->date_range, "changed", G_CALLBACK (period_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_dropdown, "notify::selected", G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->descending_button, "toggled", G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->metric_dropdown, "notify::selected", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compare_table_button, "toggled", G_CALLBACK (compare_table_toggled_cb), self, G_CONNECT_SWAPPED);
}

/**
 * herald_performance_view_get_store:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): the store the view shows.
 */
HeraldStore *
herald_performance_view_get_store (HeraldPerformanceView *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_VIEW (self), NULL);

  return self->store;
}

/**
 * herald_performance_view_set_store:
 * @self: the view
 * @store: (nullable): the store to show
 *
 * Sets the store the view reads from and acts on.
 */
void
herald_performance_view_set_store (HeraldPerformanceView *self,
                                   HeraldStore           *store)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_VIEW (self));
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
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * herald_performance_view_get_date_range:
 * @self: the view
 *
 * Returns: (transfer none): the period selector, for tests
 */
HeraldDateRange *
herald_performance_view_get_date_range (HeraldPerformanceView *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_VIEW (self), NULL);

  return self->date_range;
}

/**
 * herald_performance_view_get_rows:
 * @self: the view
 *
 * Returns: (transfer none): the rows of the comparison table, in the
 *   order shown
 */
GListModel *
herald_performance_view_get_rows (HeraldPerformanceView *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_VIEW (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/**
 * herald_performance_view_dup_total_text:
 * @self: the view
 * @index: the card, 0 (sent) to 7 (ROI)
 * @detail: (out) (optional) (transfer full): the text under the value
 *
 * Returns: (transfer full): the value shown on a totals card, for tests
 */
char *
herald_performance_view_dup_total_text (HeraldPerformanceView  *self,
                                        guint                   index,
                                        char                  **detail)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_VIEW (self), NULL);
  g_return_val_if_fail (index < N_TOTALS, NULL);

  if (detail != NULL)
    *detail = g_strdup (gtk_label_get_text (self->total_details[index]));
  return g_strdup (gtk_label_get_text (self->total_values[index]));
}

/**
 * herald_performance_view_set_sort:
 * @self: the view
 * @sort: the key
 * @descending: largest first
 *
 * Sorts the comparison table as the drop-down and the direction button do.
 */
void
herald_performance_view_set_sort (HeraldPerformanceView *self,
                                  HeraldPerformanceSort  sort,
                                  gboolean               descending)
{
  g_return_if_fail (HERALD_IS_PERFORMANCE_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (sort_choices); i++)
    if (sort_choices[i].sort == sort)
      gtk_drop_down_set_selected (self->sort_dropdown, i);
  gtk_toggle_button_set_active (self->descending_button, descending);
}

/**
 * herald_performance_view_get_compare_chart:
 * @self: the view
 *
 * Returns: (transfer none): the chart comparing the selected campaigns
 */
HeraldChart *
herald_performance_view_get_compare_chart (HeraldPerformanceView *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_VIEW (self), NULL);

  return self->compare_chart;
}

/**
 * herald_performance_view_get_selection:
 * @self: the view
 *
 * Returns: (transfer none): the selection of the comparison table
 */
GtkSelectionModel *
herald_performance_view_get_selection (HeraldPerformanceView *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * herald_performance_view_export:
 * @self: the view
 * @format: what to write
 * @path: the file
 * @error: return location for an error
 *
 * Writes the comparison chart (1200 × 600 pixels) or its numbers to
 * @path; the export menu calls it with the file the user chose.
 *
 * Returns: whether the file was written
 */
gboolean
herald_performance_view_export (HeraldPerformanceView    *self,
                                HeraldPerformanceExport   format,
                                const char               *path,
                                GError                  **error)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_VIEW (self), FALSE);

  return herald_performance_export_chart (self->compare_chart, format, path, 1200, 600, error);
}

/**
 * herald_performance_view_get_as_of_text:
 * @self: the view
 *
 * Returns: how fresh the numbers are, as shown ("As of …"; empty without
 *   data)
 */
const char *
herald_performance_view_get_as_of_text (HeraldPerformanceView *self)
{
  g_return_val_if_fail (HERALD_IS_PERFORMANCE_VIEW (self), NULL);

  return gtk_label_get_text (self->as_of_label);
}

/**
 * herald_performance_view_dup_cell_text:
 * @self: the view
 * @position: a row of the comparison table
 * @column: 0 name, 1 sent, 2 open rate, 3 click rate, 4 click-to-open,
 *   5 conversion rate, 6 revenue, 7 ROI
 * @denominator: (out) (optional) (nullable): the line below the value,
 *   what a rate is out of ("of 3,210 delivered"); %NULL for other columns
 *
 * Returns: (transfer full) (nullable): the cell's text as the table shows
 *   it, %NULL past the last row
 */
char *
herald_performance_view_dup_cell_text (HeraldPerformanceView  *self,
                                       guint                   position,
                                       guint                   column,
                                       char                  **denominator)
{
  g_autoptr(HeraldPerformanceRow) row = NULL;
  g_autofree char *below = NULL;
  char *text = NULL;

  g_return_val_if_fail (HERALD_IS_PERFORMANCE_VIEW (self), NULL);
  g_return_val_if_fail (column < N_COLUMNS, NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  if (row != NULL)
    format_cell (row, column, &text, &below);
  if (denominator != NULL)
    *denominator = g_steal_pointer (&below);
  return text;
}

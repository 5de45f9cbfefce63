/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-ab-results.c: the A/B variants of one campaign compared with
 * herald_stats_verdict(): sample size, rate with its Wilson interval,
 * difference to the best with Newcombe's interval, p-value and the verdict
 * in words; and "send the winner to the rest", which marks the variant as
 * the winner and queues the command for the CRM in one transaction. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-a11y.h"
#include "herald-ab-results.h"
#include "herald-dialogs.h"

enum {
  COLUMN_VARIANT,
  COLUMN_RECIPIENTS,
  COLUMN_RATE,
  COLUMN_INTERVAL,
  COLUMN_DIFFERENCE,
  COLUMN_P_VALUE,
  N_COLUMNS
};

struct _HeraldAbResults
{
  AdwBin           parent_instance;

  HeraldStore     *store;
  HeraldCampaign  *campaign;
  GPtrArray       *variants;
  HeraldVerdict   *verdict;
  HeraldWinnerMetric metric;
  guint            refresh_source;
  gboolean         has_variants;

  GtkDropDown     *metric_dropdown;
  GtkLabel        *verdict_label;
  GtkGrid         *grid;
  GtkLabel        *note_label;
  GtkLabel        *winner_label;
  GtkButton       *send_button;
};

G_DEFINE_FINAL_TYPE (HeraldAbResults, herald_ab_results, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAMPAIGN,
  PROP_HAS_VARIANTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
successes_of (HeraldVariant      *variant,
              HeraldWinnerMetric  metric)
{
  switch (metric)
    {
    case HERALD_WINNER_METRIC_OPEN_RATE:
      return herald_variant_get_open_count (variant);
    case HERALD_WINNER_METRIC_CLICK_RATE:
      return herald_variant_get_click_count (variant);
    case HERALD_WINNER_METRIC_CONVERSION_RATE:
      return herald_variant_get_conversion_count (variant);
    default:
      g_assert_not_reached ();
    }
}

static double
confidence_level (HeraldAbResults *self)
{
  double level = self->campaign != NULL ? herald_campaign_get_ab_confidence_level (self->campaign) : 0.95;

  return level > 0.5 && level < 1.0 ? level : 0.95;
}

static HeraldVariant *
stored_winner (HeraldAbResults *self)
{
  for (guint i = 0; self->variants != NULL && i < self->variants->len; i++)
    if (herald_variant_get_is_winner (g_ptr_array_index (self->variants, i)))
      return g_ptr_array_index (self->variants, i);
  return NULL;
}

/* "+4.2 pp": differences of rates are percentage points, not percent. */
static char *
format_points (double difference)
{
  g_autofree char *number = herald_format_decimal (ABS (difference) * 100.0, 1);

  if (difference > 0)
    /* TRANSLATORS: a positive difference in percentage points */
    return g_strdup_printf (_("+%s pp"), number);
  if (difference < 0)
    /* TRANSLATORS: a negative difference in percentage points */
    return g_strdup_printf (_("−%s pp"), number);
  return g_strdup_printf (_("%s pp"), number);
}

static char *
cell_text (HeraldAbResults *self,
           guint            row,
           guint            column)
{
  const HeraldVariantResult *r = &self->verdict->variants[row];
  HeraldVariant *variant = g_ptr_array_index (self->variants, row);

  switch (column)
    {
    case COLUMN_VARIANT:
      return g_strdup (r->name);
    case COLUMN_RECIPIENTS:
      return herald_format_count (r->trials);
    case COLUMN_RATE:
      return herald_format_rate (r->successes, r->trials, 1);
    case COLUMN_INTERVAL:
      {
        g_autofree char *lower = NULL;
        g_autofree char *upper = NULL;

        if (r->trials == 0)
          return g_strdup (HERALD_NO_VALUE);
        lower = herald_format_percent (r->lower, 1);
        upper = herald_format_percent (r->upper, 1);
        /* TRANSLATORS: a confidence interval, "29.8 % – 34.6 %" */
        return g_strdup_printf (_("%s – %s"), lower, upper);
      }
    case COLUMN_DIFFERENCE:
      {
        g_autofree char *d = NULL;
        g_autofree char *lower = NULL;
        g_autofree char *upper = NULL;

        if (r->is_best)
          return g_strdup (C_("ab difference", "Best"));
        if (r->trials == 0 || self->verdict->best < 0)
          return g_strdup (HERALD_NO_VALUE);
        d = format_points (r->difference);
        lower = format_points (r->difference_lower);
        upper = format_points (r->difference_upper);
        /* TRANSLATORS: a difference and its interval, "−4.2 pp (−7.6 pp to −0.8 pp)" */
        return g_strdup_printf (_("%s (%s to %s)"), d, lower, upper);
      }
    case COLUMN_P_VALUE:
      if (r->is_best || r->trials == 0 || self->verdict->best < 0)
        return g_strdup (HERALD_NO_VALUE);
      if (r->p_value < 0.001)
        {
          g_autofree char *limit = herald_format_decimal (0.001, 3);
          return g_strdup_printf ("< %s", limit);
        }
      return herald_format_decimal (r->p_value, 3);
    default:
      break;
    }
  (void) variant;
  g_return_val_if_reached (NULL);
}

static void
clear_grid (HeraldAbResults *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static GtkWidget *
grid_label (GtkGrid    *grid,
            const char *text,
            int         column,
            int         row,
            gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_VARIANT ? 0 : 1);
  if (header)
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    }
  else if (column != COLUMN_VARIANT)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

static void
refresh (HeraldAbResults *self)
{
  g_autofree HeraldVariantCounts *counts = NULL;
  g_autoptr(GError) error = NULL;
  HeraldVariant *winner;
  g_autofree char *rate_header = NULL;
  g_autofree char *interval_header = NULL;
  g_autofree char *note = NULL;
  g_autofree char *level = NULL;
  double confidence = confidence_level (self);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_pointer (&self->variants, g_ptr_array_unref);
  g_clear_pointer (&self->verdict, herald_verdict_free);
  clear_grid (self);

  if (self->store != NULL && self->campaign != NULL)
    {
      self->variants = herald_store_list_variants (self->store, herald_record_get_id (HERALD_RECORD (self->campaign)), &error);
      if (self->variants == NULL)
        g_warning ("Could not read the A/B variants: %s", error->message);
    }
  if (self->variants == NULL)
    self->variants = g_ptr_array_new_with_free_func (g_object_unref);

  counts = g_new0 (HeraldVariantCounts, MAX (self->variants->len, 1));
  for (guint i = 0; i < self->variants->len; i++)
    {
      HeraldVariant *v = g_ptr_array_index (self->variants, i);

      counts[i].name = herald_variant_get_variant_name (v);
      counts[i].trials = MAX (herald_variant_get_delivered_count (v), 0);
      counts[i].successes = MIN ((guint64) MAX (successes_of (v, self->metric), 0), counts[i].trials);
    }
  self->verdict = herald_stats_verdict (counts, self->variants->len, confidence);

  gtk_label_set_text (self->verdict_label, self->verdict->text);
  if (self->has_variants != (self->variants->len > 0))
    {
      self->has_variants = self->variants->len > 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_VARIANTS]);
    }

  level = herald_format_percent (confidence, 0);
  /* TRANSLATORS: column title, "Click Rate" */
  rate_header = g_strdup (herald_winner_metric_get_display_name (self->metric));
  /* TRANSLATORS: column title, "95 % Interval" */
  interval_header = g_strdup_printf (_("%s Interval"), level);
  grid_label (self->grid, _("Variant"), COLUMN_VARIANT, 0, TRUE);
  grid_label (self->grid, _("Delivered"), COLUMN_RECIPIENTS, 0, TRUE);
  grid_label (self->grid, rate_header, COLUMN_RATE, 0, TRUE);
  grid_label (self->grid, interval_header, COLUMN_INTERVAL, 0, TRUE);
  grid_label (self->grid, _("Difference to the Best"), COLUMN_DIFFERENCE, 0, TRUE);
  grid_label (self->grid, _("p-value"), COLUMN_P_VALUE, 0, TRUE);

  winner = stored_winner (self);
  for (guint i = 0; i < self->variants->len; i++)
    {
      HeraldVariant *v = g_ptr_array_index (self->variants, i);

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_autofree char *text = cell_text (self, i, c);
          GtkWidget *label;

          if (c == COLUMN_VARIANT && v == winner)
            {
              /* TRANSLATORS: a variant marked as the winner, "B ★ Winner" */
              g_autofree char *marked = g_strdup_printf (_("%s ★ Winner"), text);
              g_free (text);
              text = g_steal_pointer (&marked);
            }
          label = grid_label (self->grid, text, c, i + 1, FALSE);
          if (self->verdict->variants[i].is_best)
            gtk_widget_add_css_class (label, "heading");
          if (c == COLUMN_VARIANT)
            {
              const char *subject = herald_variant_get_subject (v);

              if (subject != NULL && *subject != '\0')
                gtk_widget_set_tooltip_text (label, subject);
            }
        }
    }

  /* TRANSLATORS: how the table is computed; %s is "95 %" */
  note = g_strdup_printf (_("Rates are out of delivered messages. Intervals are Wilson score intervals (differences: Newcombe) at %s confidence; p-values from a two-sided z-test against the best variant, Bonferroni-adjusted in the verdict for more than two variants."),
                          level);
  gtk_label_set_text (self->note_label, note);

  if (winner != NULL)
    {
      /* TRANSLATORS: %s is a variant name */
      g_autofree char *text = g_strdup_printf (_("%s was chosen as the winner."), herald_variant_get_variant_name (winner));
      gtk_label_set_text (self->winner_label, text);
    }
  else
    gtk_label_set_text (self->winner_label, "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ab.send-winner",
                                 winner == NULL && self->verdict->best >= 0 && self->variants->len >= 2);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  HeraldAbResults *self = user_data;

  self->refresh_source = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
record_changed_cb (HeraldAbResults *self,
                   HeraldRecord    *old_record,
                   HeraldRecord    *new_record)
{
  HeraldRecord *record = new_record != NULL ? new_record : old_record;

  if (self->campaign == NULL || record == NULL || !HERALD_IS_VARIANT (record))
    return;
  if (g_strcmp0 (herald_variant_get_campaign_id (HERALD_VARIANT (record)),
                 herald_record_get_id (HERALD_RECORD (self->campaign))) != 0)
    return;
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle_cb, self);
}

static void
metric_changed_cb (HeraldAbResults *self)
{
  guint selected = gtk_drop_down_get_selected (self->metric_dropdown);

  if (selected != GTK_INVALID_LIST_POSITION && selected != (guint) self->metric)
    herald_ab_results_set_metric (self, selected);
}

static void
send_confirmed_cb (gboolean confirmed,
                   gpointer user_data)
{
  g_autoptr(HeraldAbResults) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!confirmed)
    return;
  if (!herald_ab_results_send_winner (self, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      herald_dialogs_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 _("Could Not Choose the Winner"), error->message);
    }
}

static void
send_winner_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HeraldAbResults *self = HERALD_AB_RESULTS (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  const char *name;

  if (self->verdict == NULL || self->verdict->best < 0)
    return;
  name = self->verdict->variants[self->verdict->best].name;
  /* TRANSLATORS: %s is a variant name */
  heading = g_strdup_printf (_("Send %s to the Rest?"), name);
  if (self->verdict->significant)
    /* TRANSLATORS: %s is the verdict, "B is better with 97 % confidence." */
    body = g_strdup_printf (_("%s The remaining recipients will get this variant once the CRM receives the choice. This cannot be undone."),
                            self->verdict->text);
  else
    /* TRANSLATORS: %s is the verdict, "No significant difference yet; …" */
    body = g_strdup_printf (_("%s Choosing now may pick a variant that is not really better. The remaining recipients will get this variant once the CRM receives the choice. This cannot be undone."),
                            self->verdict->text);
  herald_dialogs_confirm (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body,
                          _("_Send Winner"), FALSE, send_confirmed_cb, g_object_ref (self));
}

static void
herald_ab_results_dispose (GObject *object)
{
  HeraldAbResults *self = HERALD_AB_RESULTS (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->campaign);
  g_clear_pointer (&self->variants, g_ptr_array_unref);
  g_clear_pointer (&self->verdict, herald_verdict_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), HERALD_TYPE_AB_RESULTS);

  G_OBJECT_CLASS (herald_ab_results_parent_class)->dispose (object);
}

static void
herald_ab_results_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HeraldAbResults *self = HERALD_AB_RESULTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAMPAIGN:
      g_value_set_object (value, self->campaign);
      break;
    case PROP_HAS_VARIANTS:
      g_value_set_boolean (value, self->has_variants);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_ab_results_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HeraldAbResults *self = HERALD_AB_RESULTS (object);

  switch (prop_id)
    {
    case PROP_STORE:
      herald_ab_results_set_store (self, g_value_get_object (value));
      break;
    case PROP_CAMPAIGN:
      herald_ab_results_set_campaign (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_ab_results_class_init (HeraldAbResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_ab_results_dispose;
  object_class->get_property = herald_ab_results_get_property;
  object_class->set_property = herald_ab_results_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HERALD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAMPAIGN] =
    g_param_spec_object ("campaign", NULL, NULL,
                         HERALD_TYPE_CAMPAIGN,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * HeraldAbResults:has-variants:
   *
   * Whether the campaign has A/B variants; bind a page's visibility to it
   * to show the results only for A/B tests.
   */
  properties[PROP_HAS_VARIANTS] =
    g_param_spec_boolean ("has-variants", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-ab-results.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldAbResults, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HeraldAbResults, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldAbResults, grid);
  gtk_widget_class_bind_template_child (widget_class, HeraldAbResults, note_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldAbResults, winner_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldAbResults, send_button);

  gtk_widget_class_install_action (widget_class, "ab.send-winner", NULL, send_winner_action_cb);
}

static void
herald_ab_results_init (HeraldAbResults *self)
{
  g_autoptr(GtkStringList) metrics = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->metric = HERALD_WINNER_METRIC_OPEN_RATE;
  for (guint m = HERALD_WINNER_METRIC_OPEN_RATE; m <= HERALD_WINNER_METRIC_CONVERSION_RATE; m++)
    gtk_string_list_append (metrics, herald_winner_metric_get_display_name (m));
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (metrics));
  gtk_drop_down_set_selected (self->metric_dropdown, self->metric);
  herald_a11y_name_drop_down (self->metric_dropdown, _("Measure Compared"));
  g_signal_connect_object (self->metric_dropdown, "notify::selected", G_CALLBACK (metric_changed_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
}

/**
 * herald_ab_results_new:
 * @store: (nullable): the store
 *
 * Returns: (transfer floating): a widget comparing the A/B variants of
 *   the campaign given with herald_ab_results_set_campaign()
 */
GtkWidget *
herald_ab_results_new (HeraldStore *store)
{
  g_return_val_if_fail (store == NULL || HERALD_IS_STORE (store), NULL);

  return g_object_new (HERALD_TYPE_AB_RESULTS, "store", store, NULL);
}

/**
 * herald_ab_results_get_store:
 * @self: the widget
 *
 * Returns: (transfer none) (nullable): the store
 */
HeraldStore *
herald_ab_results_get_store (HeraldAbResults *self)
{
  g_return_val_if_fail (HERALD_IS_AB_RESULTS (self), NULL);

  return self->store;
}

/**
 * herald_ab_results_set_store:
 * @self: the widget
 * @store: (nullable): the store
 *
 * Sets the store the variants come from and the choice goes to.
 */
void
herald_ab_results_set_store (HeraldAbResults *self,
                             HeraldStore     *store)
{
  g_return_if_fail (HERALD_IS_AB_RESULTS (self));
  g_return_if_fail (store == NULL || HERALD_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "record-changed", G_CALLBACK (record_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * herald_ab_results_get_campaign:
 * @self: the widget
 *
 * Returns: (transfer none) (nullable): the campaign
 */
HeraldCampaign *
herald_ab_results_get_campaign (HeraldAbResults *self)
{
  g_return_val_if_fail (HERALD_IS_AB_RESULTS (self), NULL);

  return self->campaign;
}

/**
 * herald_ab_results_set_campaign:
 * @self: the widget
 * @campaign: (nullable): the campaign whose variants to compare
 *
 * Shows @campaign's variants, compared by its winner metric.
 */
void
herald_ab_results_set_campaign (HeraldAbResults *self,
                                HeraldCampaign  *campaign)
{
  g_return_if_fail (HERALD_IS_AB_RESULTS (self));
  g_return_if_fail (campaign == NULL || HERALD_IS_CAMPAIGN (campaign));

  if (!g_set_object (&self->campaign, campaign))
    return;
  if (campaign != NULL)
    {
      self->metric = herald_campaign_get_ab_winner_metric (campaign);
      gtk_drop_down_set_selected (self->metric_dropdown, self->metric);
    }
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAMPAIGN]);
}

/**
 * herald_ab_results_get_metric:
 * @self: the widget
 *
 * Returns: the rate the variants are compared by
 */
HeraldWinnerMetric
herald_ab_results_get_metric (HeraldAbResults *self)
{
  g_return_val_if_fail (HERALD_IS_AB_RESULTS (self), HERALD_WINNER_METRIC_OPEN_RATE);

  return self->metric;
}

/**
 * herald_ab_results_set_metric:
 * @self: the widget
 * @metric: the rate to compare by
 *
 * Compares the variants by another rate (the campaign's winner metric is
 * the default).
 */
void
herald_ab_results_set_metric (HeraldAbResults    *self,
                              HeraldWinnerMetric  metric)
{
  g_return_if_fail (HERALD_IS_AB_RESULTS (self));
  g_return_if_fail (metric <= HERALD_WINNER_METRIC_CONVERSION_RATE);

  if (self->metric == metric)
    return;
  self->metric = metric;
  gtk_drop_down_set_selected (self->metric_dropdown, metric);
  refresh (self);
}

/**
 * herald_ab_results_get_verdict:
 * @self: the widget
 *
 * Returns: (transfer none): the verdict shown
 */
const HeraldVerdict *
herald_ab_results_get_verdict (HeraldAbResults *self)
{
  g_return_val_if_fail (HERALD_IS_AB_RESULTS (self), NULL);

  return self->verdict;
}

/**
 * herald_ab_results_get_verdict_text:
 * @self: the widget
 *
 * Returns: the verdict sentence as shown
 */
const char *
herald_ab_results_get_verdict_text (HeraldAbResults *self)
{
  g_return_val_if_fail (HERALD_IS_AB_RESULTS (self), NULL);

  return gtk_label_get_text (self->verdict_label);
}

/**
 * herald_ab_results_dup_cell:
 * @self: the widget
 * @variant: the variant's row, from 0
 * @column: 0 variant, 1 delivered, 2 rate, 3 interval, 4 difference,
 *   5 p-value
 *
 * Returns: (transfer full) (nullable): the text of that cell
 */
char *
herald_ab_results_dup_cell (HeraldAbResults *self,
                            guint            variant,
                            guint            column)
{
  GtkWidget *child;

  g_return_val_if_fail (HERALD_IS_AB_RESULTS (self), NULL);
  g_return_val_if_fail (column < N_COLUMNS, NULL);

  child = gtk_grid_get_child_at (self->grid, column, variant + 1);
  return child != NULL ? g_strdup (gtk_label_get_text (GTK_LABEL (child))) : NULL;
}

/**
 * herald_ab_results_send_winner:
 * @self: the widget
 * @error: return location for an error
 *
 * Records the best variant as the winner with herald_store_choose_winner():
 * in one transaction it is marked (and every other variant not) and the
 * "send_winner" command is queued for the CRM, which sends that variant
 * to the recipients not yet reached.  The action asks for confirmation
 * first; this does not.
 *
 * Returns: whether the choice was stored
 */
gboolean
herald_ab_results_send_winner (HeraldAbResults  *self,
                               GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (HERALD_IS_AB_RESULTS (self), FALSE);
  g_return_val_if_fail (self->store != NULL && self->verdict != NULL && self->verdict->best >= 0, FALSE);

  ok = herald_store_choose_winner (self->store, self->campaign,
                                   g_ptr_array_index (self->variants, self->verdict->best), error);
  refresh (self);
  return ok;
}

/**
 * herald_ab_results_get_has_variants:
 * @self: the widget
 *
 * Returns: whether the campaign shown has A/B variants
 */
gboolean
herald_ab_results_get_has_variants (HeraldAbResults *self)
{
  g_return_val_if_fail (HERALD_IS_AB_RESULTS (self), FALSE);

  return self->has_variants;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-chart-series.c: one named series of (x, y) points for a chart.
 *
 * The dashboard fills it from per-day arrays (herald_chart_series_set_daily),
 * where x is the day as a GDate Julian day.  Points are kept in two plain
 * arrays so that normalising and hit testing run over contiguous doubles;
 * x must ascend.  A NaN y is a missing value and leaves a gap. */

#include "config.h"

#include "herald-chart-series.h"

struct _HeraldChartSeries
{
  GObject  parent_instance;

  char    *name;
  GArray  *xs;
  GArray  *ys;
};

G_DEFINE_FINAL_TYPE (HeraldChartSeries, herald_chart_series, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_N_POINTS,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
herald_chart_series_finalize (GObject *object)
{
  HeraldChartSeries *self = HERALD_CHART_SERIES (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->xs, g_array_unref);
  g_clear_pointer (&self->ys, g_array_unref);

  G_OBJECT_CLASS (herald_chart_series_parent_class)->finalize (object);
}

static void
herald_chart_series_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HeraldChartSeries *self = HERALD_CHART_SERIES (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_N_POINTS:
      g_value_set_uint (value, self->xs->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_chart_series_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HeraldChartSeries *self = HERALD_CHART_SERIES (object);

  switch (prop_id)
    {
    case PROP_NAME:
      herald_chart_series_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_chart_series_class_init (HeraldChartSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_chart_series_finalize;
  object_class->get_property = herald_chart_series_get_property;
  object_class->set_property = herald_chart_series_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_POINTS] =
    g_param_spec_uint ("n-points", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HeraldChartSeries::changed:
   *
   * Emitted when the points changed, so that charts normalise again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
herald_chart_series_init (HeraldChartSeries *self)
{
  self->xs = g_array_new (FALSE, FALSE, sizeof (double));
  self->ys = g_array_new (FALSE, FALSE, sizeof (double));
}

/**
 * herald_chart_series_new:
 * @name: the name shown in the legend, tooltip and table
 *
 * Returns: (transfer full): an empty series.
 */
HeraldChartSeries *
herald_chart_series_new (const char *name)
{
  return g_object_new (HERALD_TYPE_CHART_SERIES, "name", name, NULL);
}

/**
 * herald_chart_series_get_name:
 * @self: a series
 *
 * Returns: (nullable): the series' name.
 */
const char *
herald_chart_series_get_name (HeraldChartSeries *self)
{
  g_return_val_if_fail (HERALD_IS_CHART_SERIES (self), NULL);

  return self->name;
}

/**
 * herald_chart_series_set_name:
 * @self: a series
 * @name: (nullable): the new name
 *
 * Renames the series.
 */
void
herald_chart_series_set_name (HeraldChartSeries *self,
                              const char        *name)
{
  g_return_if_fail (HERALD_IS_CHART_SERIES (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
emit_points_changed (HeraldChartSeries *self,
                     guint              old_n_points)
{
  if (old_n_points != self->xs->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_POINTS]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * herald_chart_series_set_points:
 * @self: a series
 * @xs: (array length=n_points): x values in ascending order
 * @ys: (array length=n_points): y values; NaN for a missing value
 * @n_points: how many points there are
 *
 * Replaces the series' points with copies of @xs and @ys.
 */
void
herald_chart_series_set_points (HeraldChartSeries *self,
                                const double      *xs,
                                const double      *ys,
                                guint              n_points)
{
  guint old_n_points;

  g_return_if_fail (HERALD_IS_CHART_SERIES (self));
  g_return_if_fail (n_points == 0 || (xs != NULL && ys != NULL));

  old_n_points = self->xs->len;
  g_array_set_size (self->xs, 0);
  g_array_set_size (self->ys, 0);
  g_array_append_vals (self->xs, xs, n_points);
  g_array_append_vals (self->ys, ys, n_points);

  for (guint i = 1; i < n_points; i++)
    if (xs[i] < xs[i - 1])
      {
        g_critical ("Chart series “%s”: x values must ascend", self->name);
        break;
      }

  emit_points_changed (self, old_n_points);
}

/**
 * herald_chart_series_set_daily:
 * @self: a series
 * @first_julian: the #GDate Julian day of @values[0]
 * @values: (array length=n_values): one value per day
 * @n_values: how many days there are
 *
 * Replaces the points with one point per day, x being the Julian day:
 * the form in which the store reports daily performance.
 */
void
herald_chart_series_set_daily (HeraldChartSeries *self,
                               guint32            first_julian,
                               const double      *values,
                               guint              n_values)
{
  guint old_n_points;

  g_return_if_fail (HERALD_IS_CHART_SERIES (self));
  g_return_if_fail (n_values == 0 || values != NULL);

  old_n_points = self->xs->len;
  g_array_set_size (self->xs, n_values);
  g_array_set_size (self->ys, 0);
  for (guint i = 0; i < n_values; i++)
    g_array_index (self->xs, double, i) = (double) first_julian + i;
  g_array_append_vals (self->ys, values, n_values);

  emit_points_changed (self, old_n_points);
}

/**
 * herald_chart_series_get_n_points:
 * @self: a series
 *
 * Returns: how many points the series has.
 */
guint
herald_chart_series_get_n_points (HeraldChartSeries *self)
{
  g_return_val_if_fail (HERALD_IS_CHART_SERIES (self), 0);

  return self->xs->len;
}

/**
 * herald_chart_series_get_xs:
 * @self: a series
 *
 * Returns: (array) (transfer none): the x values, valid until the
 *   points change.
 */
const double *
herald_chart_series_get_xs (HeraldChartSeries *self)
{
  g_return_val_if_fail (HERALD_IS_CHART_SERIES (self), NULL);

  return (const double *) (gpointer) self->xs->data;
}

/**
 * herald_chart_series_get_ys:
 * @self: a series
 *
 * Returns: (array) (transfer none): the y values, valid until the
 *   points change.
 */
const double *
herald_chart_series_get_ys (HeraldChartSeries *self)
{
  g_return_val_if_fail (HERALD_IS_CHART_SERIES (self), NULL);

  return (const double *) (gpointer) self->ys->data;
}

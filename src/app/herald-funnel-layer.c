/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-funnel-layer.c: a funnel as horizontal bars, one per step
 * (audience → sent → delivered → opened → clicked → converted), each
 * with its count and the rate from the step before, whose name is said,
 * so that every rate shows its denominator.  The funnel does not use the
 * chart's axes; bars are drawn with gtk_snapshot_append_color. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-format.h"
#include "herald-funnel-layer.h"

#define ROW_GAP 6.0
/* Bars thicker than this look like blocks, not bars. */
#define MAX_BAR_HEIGHT 28.0
#define LABEL_GAP 12.0

struct _HeraldFunnelLayer
{
  HeraldChartLayer  parent_instance;

  GStrv             names;
  GArray           *steps;

  /* Laid out for the last context. */
  GPtrArray        *name_layouts;
  GPtrArray        *value_layouts;
  double            name_width;
};

G_DEFINE_FINAL_TYPE (HeraldFunnelLayer, herald_funnel_layer, HERALD_TYPE_CHART_LAYER)

static gboolean
herald_funnel_layer_get_extents (HeraldChartLayer *layer,
                                 double           *x_min,
                                 double           *x_max,
                                 double           *y_min,
                                 double           *y_max)
{
  return FALSE;
}

static void
herald_funnel_layer_layout (HeraldChartLayer         *layer,
                            const HeraldChartContext *ctx)
{
  HeraldFunnelLayer *self = HERALD_FUNNEL_LAYER (layer);

  g_ptr_array_set_size (self->name_layouts, 0);
  g_ptr_array_set_size (self->value_layouts, 0);
  self->name_width = 0;

  for (guint i = 0; i < self->steps->len; i++)
    {
      g_autofree char *value = herald_funnel_layer_format_step (self, i);
      PangoLayout *name = gtk_widget_create_pango_layout (ctx->widget, self->names[i]);
      int width;

      pango_layout_get_pixel_size (name, &width, NULL);
      self->name_width = MAX (self->name_width, width);
      g_ptr_array_add (self->name_layouts, name);
      g_ptr_array_add (self->value_layouts, gtk_widget_create_pango_layout (ctx->widget, value));
    }
}

static void
herald_funnel_layer_snapshot (HeraldChartLayer         *layer,
                              GtkSnapshot              *snapshot,
                              const HeraldChartContext *ctx)
{
  HeraldFunnelLayer *self = HERALD_FUNNEL_LAYER (layer);
  const graphene_rect_t *plot = &ctx->plot;
  guint n = self->steps->len;
  double row, bar_x, bar_space, first;
  GdkRGBA color, text, track;

  if (n == 0 || self->name_layouts->len != n)
    return;

  herald_chart_style_get_color (ctx->first_style, ctx->dark, &color);
  herald_chart_style_get_foreground (ctx->dark, 1, &text);
  herald_chart_style_get_foreground (ctx->dark, 0.08, &track);

  row = MIN (plot->size.height / n, MAX_BAR_HEIGHT + 2 * ROW_GAP);
  bar_x = plot->origin.x + self->name_width + LABEL_GAP;
  bar_space = MAX (plot->origin.x + plot->size.width - bar_x, 1);
  first = (double) g_array_index (self->steps, HeraldFunnelStep, 0).count;

  for (guint i = 0; i < n; i++)
    {
      const HeraldFunnelStep *step = &g_array_index (self->steps, HeraldFunnelStep, i);
      PangoLayout *name = g_ptr_array_index (self->name_layouts, i);
      PangoLayout *value = g_ptr_array_index (self->value_layouts, i);
      double y = plot->origin.y + i * row;
      double bar_h = CLAMP (row - ROW_GAP, 2, MAX_BAR_HEIGHT);
      double width = first > 0 ? bar_space * (step->count / first) : 0;
      int value_w, value_h, name_h;
      double value_x;

      pango_layout_get_pixel_size (name, NULL, &name_h);
      pango_layout_get_pixel_size (value, &value_w, &value_h);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (plot->origin.x, y + (bar_h - name_h) / 2));
      gtk_snapshot_append_layout (snapshot, name, &text);
      gtk_snapshot_restore (snapshot);

      /* A faint track shows the whole (the first step), the bar the part. */
      gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (bar_x, y, bar_space, bar_h));
      if (width > 0)
        gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (bar_x, y, MAX (width, 1), bar_h));

      /* The value goes right of the bar, or inside it when it does not fit. */
      value_x = bar_x + width + LABEL_GAP / 2;
      if (value_x + value_w > bar_x + bar_space)
        value_x = MAX (bar_x + LABEL_GAP / 2, bar_x + width - value_w - LABEL_GAP / 2);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (value_x, y + (bar_h - value_h) / 2));
      if (value_x < bar_x + width)
        {
          /* On the bar: text in the background colour. */
          GdkRGBA on_bar;

          herald_chart_style_get_foreground (!ctx->dark, 1, &on_bar);
          gtk_snapshot_append_layout (snapshot, value, &on_bar);
        }
      else
        gtk_snapshot_append_layout (snapshot, value, &text);
      gtk_snapshot_restore (snapshot);
    }
}

static void
herald_funnel_layer_finalize (GObject *object)
{
  HeraldFunnelLayer *self = HERALD_FUNNEL_LAYER (object);

  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->name_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->value_layouts, g_ptr_array_unref);

  G_OBJECT_CLASS (herald_funnel_layer_parent_class)->finalize (object);
}

static void
herald_funnel_layer_class_init (HeraldFunnelLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeraldChartLayerClass *layer_class = HERALD_CHART_LAYER_CLASS (klass);

  object_class->finalize = herald_funnel_layer_finalize;

  layer_class->get_extents = herald_funnel_layer_get_extents;
  layer_class->layout = herald_funnel_layer_layout;
  layer_class->snapshot = herald_funnel_layer_snapshot;
}

static void
herald_funnel_layer_init (HeraldFunnelLayer *self)
{
  self->names = g_new0 (char *, 1);
  self->steps = g_array_new (FALSE, FALSE, sizeof (HeraldFunnelStep));
  self->name_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->value_layouts = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * herald_funnel_layer_new:
 *
 * Returns: (transfer full): an empty funnel.
 */
HeraldChartLayer *
herald_funnel_layer_new (void)
{
  return g_object_new (HERALD_TYPE_FUNNEL_LAYER, NULL);
}

/**
 * herald_funnel_layer_set_steps:
 * @self: a funnel
 * @names: (array length=n_steps): the steps' names, such as "Sent"
 * @counts: (array length=n_steps): the steps' counts
 * @n_steps: how many steps there are
 *
 * Sets the funnel's steps; rates are computed with herald_chart_funnel().
 */
void
herald_funnel_layer_set_steps (HeraldFunnelLayer  *self,
                               const char * const *names,
                               const guint64      *counts,
                               guint               n_steps)
{
  g_return_if_fail (HERALD_IS_FUNNEL_LAYER (self));
  g_return_if_fail (n_steps == 0 || (names != NULL && counts != NULL));

  g_strfreev (self->names);
  self->names = g_new0 (char *, n_steps + 1);
  for (guint i = 0; i < n_steps; i++)
    self->names[i] = g_strdup (names[i]);

  g_array_set_size (self->steps, n_steps);
  herald_chart_funnel (counts, n_steps, (HeraldFunnelStep *) (gpointer) self->steps->data);

  g_ptr_array_set_size (self->name_layouts, 0);
  g_ptr_array_set_size (self->value_layouts, 0);
  herald_chart_layer_changed (HERALD_CHART_LAYER (self));
}

/**
 * herald_funnel_layer_get_n_steps:
 * @self: a funnel
 *
 * Returns: how many steps the funnel has.
 */
guint
herald_funnel_layer_get_n_steps (HeraldFunnelLayer *self)
{
  g_return_val_if_fail (HERALD_IS_FUNNEL_LAYER (self), 0);

  return self->steps->len;
}

/**
 * herald_funnel_layer_get_step_name:
 * @self: a funnel
 * @index: a step's index
 *
 * Returns: the step's name.
 */
const char *
herald_funnel_layer_get_step_name (HeraldFunnelLayer *self,
                                   guint              index)
{
  g_return_val_if_fail (HERALD_IS_FUNNEL_LAYER (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return self->names[index];
}

/**
 * herald_funnel_layer_get_step:
 * @self: a funnel
 * @index: a step's index
 *
 * Returns: (transfer none): the step's count and rates.
 */
const HeraldFunnelStep *
herald_funnel_layer_get_step (HeraldFunnelLayer *self,
                              guint              index)
{
  g_return_val_if_fail (HERALD_IS_FUNNEL_LAYER (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  return &g_array_index (self->steps, HeraldFunnelStep, index);
}

/**
 * herald_funnel_layer_format_step:
 * @self: a funnel
 * @index: a step's index
 *
 * Returns: (transfer full): the step's count with its rate and the
 *   rate's denominator, such as "9,500 (96.9 % of Sent)".
 */
char *
herald_funnel_layer_format_step (HeraldFunnelLayer *self,
                                 guint              index)
{
  const HeraldFunnelStep *step;
  g_autofree char *count = NULL;
  g_autofree char *rate = NULL;

  g_return_val_if_fail (HERALD_IS_FUNNEL_LAYER (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);

  step = &g_array_index (self->steps, HeraldFunnelStep, index);
  count = herald_format_count ((gint64) MIN (step->count, (guint64) G_MAXINT64));
  if (index == 0)
    return g_steal_pointer (&count);

  rate = step->has_step_rate ? herald_format_percent (step->step_rate, 1) : g_strdup (HERALD_NO_VALUE);
  /* Translators: a funnel step's value: "9,500 (96.9 % of Sent)"; %1$s is
   * the count, %2$s the rate and %3$s the name of the step before. */
  return g_strdup_printf (C_("funnel", "%1$s (%2$s of %3$s)"), count, rate, self->names[index - 1]);
}

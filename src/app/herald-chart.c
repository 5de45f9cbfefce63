/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-chart.c: Herald's chart widget.
 *
 * A chart is a stack of layers (lines, columns, a funnel) over shared
 * axes.  Whenever data or size change, layout() picks nice ticks for the
 * axes, lays out the labels and the legend and lets every layer normalise
 * its data; snapshot() then only scales and draws, so that resizing a
 * year of daily data in six series stays smooth.  The same drawing code
 * renders exports to PNG and SVG through a GskRenderNode, and the same
 * numbers are available as a table and as CSV. */

#include "config.h"

#include <adwaita.h>
#include <cairo-svg.h>
#include <csv.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "herald-chart.h"
#include "herald-format.h"
#include "herald-column-layer.h"
#include "herald-funnel-layer.h"

#define PADDING 12.0
#define LABEL_GAP 8.0
#define TICK_LENGTH 4.0
#define SWATCH_WIDTH 24.0
#define SWATCH_HEIGHT 12.0
#define LEGEND_ITEM_GAP 18.0
#define MIN_Y_TICK_SPACING 36.0
#define HOVER_MARKER 8.0

typedef struct
{
  PangoLayout *layout;
  double       position;
  int          width;
  int          height;
} Label;

typedef struct
{
  HeraldChartLayer *layer;
  guint             index;
  PangoLayout      *layout;
  graphene_rect_t   swatch;
  graphene_point_t  text;
} LegendItem;

struct _HeraldChart
{
  GtkWidget           parent_instance;

  GPtrArray          *layers;
  char               *title;
  gboolean            date_axis;
  gboolean            integer_values;
  gboolean            percent_values;
  gboolean            dark;

  /* Laid out for layout_width × layout_height. */
  gboolean            layout_valid;
  gboolean            description_valid;
  int                 layout_width;
  int                 layout_height;
  gboolean            has_axes;
  gboolean            has_funnel;
  HeraldChartContext  ctx;
  HeraldAxisTicks     y_ticks;
  HeraldDateUnit      date_unit;
  GArray             *x_labels;
  GArray             *y_labels;
  GArray             *legend;
  PangoLayout        *empty_layout;

  gboolean            hover_valid;
  double              hover_x;
};

G_DEFINE_FINAL_TYPE (HeraldChart, herald_chart, GTK_TYPE_WIDGET)

G_DEFINE_QUARK (herald-chart-error-quark, herald_chart_error)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DATE_AXIS,
  PROP_INTEGER_VALUES,
  PROP_PERCENT_VALUES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_label (gpointer data)
{
  Label *label = data;

  g_clear_object (&label->layout);
}

static void
clear_legend_item (gpointer data)
{
  LegendItem *item = data;

  g_clear_object (&item->layout);
}

static Label
make_label (HeraldChart *self,
            char        *text,
            double       position)
{
  Label label;

  label.layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  label.position = position;
  pango_layout_get_pixel_size (label.layout, &label.width, &label.height);
  g_free (text);

  return label;
}

static char *
format_number (double value)
{
  if (!isfinite (value))
    return g_strdup (HERALD_NO_VALUE);
  if (value == floor (value) && fabs (value) < 1e15)
    return herald_format_decimal (value, 0);
  return herald_format_decimal (value, fabs (value) >= 100 ? 1 : 2);
}

/* A y value as the tooltip, table and description show it. */
static char *
format_value (HeraldChart *self,
              double       value)
{
  if (self->percent_values)
    return herald_format_percent (value, 1);
  return format_number (value);
}

static char *
format_x (HeraldChart *self,
          double       x)
{
  if (self->date_axis && g_date_valid_julian ((guint32) x))
    return herald_chart_format_day ((guint32) x);
  return format_number (x);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The distinct x values of all series, in order. */
static GArray *
collect_xs (HeraldChart *self)
{
  GArray *xs = g_array_new (FALSE, FALSE, sizeof (double));
  guint kept = 0;

  for (guint i = 0; i < self->layers->len; i++)
    {
      HeraldChartLayer *layer = g_ptr_array_index (self->layers, i);

      for (guint j = 0; j < herald_chart_layer_get_n_series (layer); j++)
        {
          HeraldChartSeries *s = herald_chart_layer_get_series (layer, j);

          g_array_append_vals (xs, herald_chart_series_get_xs (s), herald_chart_series_get_n_points (s));
        }
    }

  g_array_sort (xs, compare_doubles);
  for (guint i = 0; i < xs->len; i++)
    if (kept == 0 || g_array_index (xs, double, i) != g_array_index (xs, double, kept - 1))
      g_array_index (xs, double, kept++) = g_array_index (xs, double, i);
  g_array_set_size (xs, kept);

  return xs;
}

/* Every series of every layer that has series, with its style index. */
static guint
count_series (HeraldChart *self)
{
  guint n = 0;

  for (guint i = 0; i < self->layers->len; i++)
    n += herald_chart_layer_get_n_series (g_ptr_array_index (self->layers, i));
  return n;
}

static gboolean
data_extents (HeraldChart *self,
              double      *x_min,
              double      *x_max,
              double      *y_min,
              double      *y_max)
{
  gboolean found = FALSE;

  self->has_funnel = FALSE;
  for (guint i = 0; i < self->layers->len; i++)
    {
      HeraldChartLayer *layer = g_ptr_array_index (self->layers, i);
      double a, b, c, d;

      if (HERALD_IS_FUNNEL_LAYER (layer))
        self->has_funnel = herald_funnel_layer_get_n_steps (HERALD_FUNNEL_LAYER (layer)) > 0;
      if (!herald_chart_layer_get_extents (layer, &a, &b, &c, &d))
        continue;
      if (!found)
        {
          *x_min = a;
          *x_max = b;
          *y_min = c;
          *y_max = d;
          found = TRUE;
          continue;
        }
      *x_min = MIN (*x_min, a);
      *x_max = MAX (*x_max, b);
      *y_min = MIN (*y_min, c);
      *y_max = MAX (*y_max, d);
    }

  return found;
}

static double
layout_legend (HeraldChart *self,
               double       width)
{
  double x = PADDING, y = PADDING, line_height = 0;
  guint style = 0;

  g_array_set_size (self->legend, 0);

  for (guint i = 0; i < self->layers->len; i++)
    {
      HeraldChartLayer *layer = g_ptr_array_index (self->layers, i);
      guint n = herald_chart_layer_get_n_series (layer);

      for (guint j = 0; j < n; j++, style++)
        {
          HeraldChartSeries *series = herald_chart_layer_get_series (layer, j);
          const char *name = herald_chart_series_get_name (series);
          LegendItem item;
          int tw, th;
          double item_width;

          item.layer = layer;
          item.index = j;
          item.layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), name != NULL ? name : "");
          pango_layout_get_pixel_size (item.layout, &tw, &th);
          item_width = SWATCH_WIDTH + 6 + tw;

          /* Wrap to the next line when the item does not fit. */
          if (x > PADDING && x + item_width > width - PADDING)
            {
              x = PADDING;
              y += line_height + 4;
              line_height = 0;
            }
          line_height = MAX (line_height, MAX (th, SWATCH_HEIGHT));
          item.swatch = GRAPHENE_RECT_INIT (x, y + (th - SWATCH_HEIGHT) / 2, SWATCH_WIDTH, SWATCH_HEIGHT);
          item.text = GRAPHENE_POINT_INIT (x + SWATCH_WIDTH + 6, y);
          g_array_append_val (self->legend, item);

          x += item_width + LEGEND_ITEM_GAP;
        }
    }

  return self->legend->len > 0 ? y + line_height + LABEL_GAP : PADDING;
}

static void
layout_y_axis (HeraldChart *self,
               double       y_min,
               double       y_max,
               double       plot_height)
{
  guint max_ticks = (guint) CLAMP (plot_height / MIN_Y_TICK_SPACING, 3, 10);
  double scale = self->percent_values ? 100 : 1;

  /* Rates get nice steps in percent: 5 %, not 0.05. */
  herald_chart_nice_ticks (y_min * scale, y_max * scale, max_ticks,
                           self->integer_values && !self->percent_values, &self->y_ticks);

  g_array_set_size (self->y_labels, 0);
  for (guint i = 0; i < self->y_ticks.n_ticks; i++)
    {
      double v = herald_axis_ticks_get_value (&self->y_ticks, i);
      char *text = self->percent_values
                   ? herald_format_percent (v / 100, self->y_ticks.decimals)
                   : herald_axis_ticks_format (&self->y_ticks, i);
      Label label = make_label (self, text,
                                (v - self->y_ticks.min) / (self->y_ticks.max - self->y_ticks.min));

      g_array_append_val (self->y_labels, label);
    }
}

static gboolean
x_labels_fit (HeraldChart *self,
              double       plot_width)
{
  double right = -G_MAXDOUBLE;

  for (guint i = 0; i < self->x_labels->len; i++)
    {
      Label *label = &g_array_index (self->x_labels, Label, i);
      double centre = label->position * plot_width;

      if (centre - label->width / 2.0 < right + LABEL_GAP * 2)
        return FALSE;
      right = centre + label->width / 2.0;
    }
  return TRUE;
}

static void
layout_x_axis (HeraldChart *self,
               double       x_min,
               double       x_max,
               double       plot_width)
{
  guint max_ticks = (guint) MAX (plot_width / 90, 2);

  /* Fewer ticks until the labels do not overlap. */
  for (guint attempt = 0; attempt < 8; attempt++)
    {
      g_array_set_size (self->x_labels, 0);

      if (self->date_axis)
        {
          g_autoptr(GArray) days = herald_chart_date_ticks ((guint32) ceil (x_min), (guint32) floor (x_max),
                                                            max_ticks, &self->date_unit, NULL);

          for (guint i = 0; i < days->len; i++)
            {
              guint32 day = g_array_index (days, guint32, i);
              Label label = make_label (self, herald_chart_format_date_tick (day, self->date_unit),
                                        (day - x_min) / (x_max - x_min));

              g_array_append_val (self->x_labels, label);
            }
        }
      else
        {
          HeraldAxisTicks ticks;

          herald_chart_nice_ticks (x_min, x_max, max_ticks, FALSE, &ticks);
          for (guint i = 0; i < ticks.n_ticks; i++)
            {
              double v = herald_axis_ticks_get_value (&ticks, i);
              Label label;

              if (v < x_min || v > x_max)
                continue;
              label = make_label (self, herald_axis_ticks_format (&ticks, i),
                                  (v - x_min) / (x_max - x_min));
              g_array_append_val (self->x_labels, label);
            }
        }

      if (max_ticks <= 2 || x_labels_fit (self, plot_width))
        break;
      max_ticks = MAX (2, max_ticks * 2 / 3);
    }
}

static void update_description (HeraldChart *self);

static void
herald_chart_layout (HeraldChart *self,
                     int          width,
                     int          height)
{
  double x_min = 0, x_max = 1, y_min = 0, y_max = 1;
  double top, bottom, left, right, label_height = 0;
  guint style = 0;

  self->layout_width = width;
  self->layout_height = height;
  self->layout_valid = TRUE;
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  self->has_axes = data_extents (self, &x_min, &x_max, &y_min, &y_max);
  top = layout_legend (self, width);
  if (self->has_funnel && !self->has_axes)
    top = PADDING;

  self->ctx.widget = GTK_WIDGET (self);
  self->ctx.dark = self->dark;

  if (self->has_axes)
    {
      double plot_height, max_label = 0;

      /* Counts and rates are read against zero: keep it on the axis. */
      y_min = MIN (y_min, 0);
      y_max = MAX (y_max, 0);

      if (self->date_axis)
        {
          /* Half a day each side, so that the first and last columns fit. */
          x_min -= 0.5;
          x_max += 0.5;
        }
      else if (x_min == x_max)
        {
          x_min -= 0.5;
          x_max += 0.5;
        }

      {
        g_autoptr(PangoLayout) probe = gtk_widget_create_pango_layout (GTK_WIDGET (self), "0");
        int h;

        pango_layout_get_pixel_size (probe, NULL, &h);
        label_height = h;
      }

      /* The top y label is centred on the plot's top edge. */
      top += label_height / 2;

      bottom = height - PADDING - label_height - TICK_LENGTH - 2;
      plot_height = MAX (bottom - top, 1);
      layout_y_axis (self, y_min, y_max, plot_height);

      for (guint i = 0; i < self->y_labels->len; i++)
        max_label = MAX (max_label, g_array_index (self->y_labels, Label, i).width);
      left = PADDING + max_label + LABEL_GAP;
      /* Room for half of a last x label centred on the right edge. */
      right = width - PADDING - 16;

      self->ctx.plot = GRAPHENE_RECT_INIT (left, top, MAX (right - left, 1), plot_height);
      self->ctx.x_min = x_min;
      self->ctx.x_max = x_max;
      self->ctx.y_min = self->y_ticks.min / (self->percent_values ? 100 : 1);
      self->ctx.y_max = self->y_ticks.max / (self->percent_values ? 100 : 1);

      layout_x_axis (self, x_min, x_max, self->ctx.plot.size.width);
    }
  else
    {
      g_array_set_size (self->x_labels, 0);
      g_array_set_size (self->y_labels, 0);
      self->ctx.plot = GRAPHENE_RECT_INIT (PADDING, top, MAX (width - 2 * PADDING, 1),
                                           MAX (height - top - PADDING, 1));
      self->ctx.x_min = 0;
      self->ctx.x_max = 1;
      self->ctx.y_min = 0;
      self->ctx.y_max = 1;
    }

  for (guint i = 0; i < self->layers->len; i++)
    {
      HeraldChartLayer *layer = g_ptr_array_index (self->layers, i);
      HeraldChartContext ctx = self->ctx;

      ctx.first_style = style;
      herald_chart_layer_layout (layer, &ctx);
      style += herald_chart_layer_get_n_series (layer);
    }

  if (!self->description_valid)
    update_description (self);
}

static void
ensure_layout (HeraldChart *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    {
      width = 480;
      height = 280;
    }
  if (!self->layout_valid || width != self->layout_width || height != self->layout_height)
    herald_chart_layout (self, width, height);
}

static void
snapshot_label (GtkSnapshot   *snapshot,
                PangoLayout   *layout,
                double         x,
                double         y,
                const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_axes (HeraldChart *self,
               GtkSnapshot *snapshot)
{
  const graphene_rect_t *plot = &self->ctx.plot;
  GdkRGBA text, grid, axis;

  herald_chart_style_get_foreground (self->dark, 0.75, &text);
  herald_chart_style_get_foreground (self->dark, 0.1, &grid);
  herald_chart_style_get_foreground (self->dark, 0.4, &axis);

  for (guint i = 0; i < self->y_labels->len; i++)
    {
      Label *label = &g_array_index (self->y_labels, Label, i);
      double y = round (plot->origin.y + (1 - label->position) * plot->size.height);
      gboolean zero = herald_axis_ticks_get_value (&self->y_ticks, i) == 0;

      gtk_snapshot_append_color (snapshot, zero ? &axis : &grid,
                                 &GRAPHENE_RECT_INIT (plot->origin.x, y - (zero ? 0.5 : 0),
                                                      plot->size.width, 1));
      snapshot_label (snapshot, label->layout,
                      plot->origin.x - LABEL_GAP - label->width, y - label->height / 2.0, &text);
    }

  for (guint i = 0; i < self->x_labels->len; i++)
    {
      Label *label = &g_array_index (self->x_labels, Label, i);
      double x = round (plot->origin.x + label->position * plot->size.width);
      double bottom = plot->origin.y + plot->size.height;
      double lx = x - label->width / 2.0;

      gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (x, bottom, 1, TICK_LENGTH));
      /* Keep the first and last labels inside the widget. */
      lx = CLAMP (lx, 0, self->layout_width - label->width);
      snapshot_label (snapshot, label->layout, lx, bottom + TICK_LENGTH + 2, &text);
    }
}

static void
snapshot_legend (HeraldChart *self,
                 GtkSnapshot *snapshot)
{
  GdkRGBA text;
  guint style = 0;
  HeraldChartLayer *previous = NULL;

  herald_chart_style_get_foreground (self->dark, 1, &text);

  for (guint i = 0; i < self->legend->len; i++)
    {
      LegendItem *item = &g_array_index (self->legend, LegendItem, i);
      HeraldChartContext ctx = self->ctx;

      if (item->layer != previous)
        {
          /* The style index of the layer's first series. */
          style = 0;
          for (guint j = 0; j < self->layers->len && g_ptr_array_index (self->layers, j) != item->layer; j++)
            style += herald_chart_layer_get_n_series (g_ptr_array_index (self->layers, j));
          previous = item->layer;
        }
      ctx.first_style = style;
      herald_chart_layer_snapshot_swatch (item->layer, snapshot, item->index, &item->swatch, &ctx);
      snapshot_label (snapshot, item->layout, item->text.x, item->text.y, &text);
    }
}

/* The hover: a vertical line and a dot on each series at that x. */
static void
snapshot_hover (HeraldChart *self,
                GtkSnapshot *snapshot)
{
  const graphene_rect_t *plot = &self->ctx.plot;
  double x = plot->origin.x + (self->hover_x - self->ctx.x_min) / (self->ctx.x_max - self->ctx.x_min) * plot->size.width;
  GdkRGBA line, ring;
  guint style = 0;
  cairo_t *cr;

  herald_chart_style_get_foreground (self->dark, 0.5, &line);
  herald_chart_style_get_foreground (!self->dark, 1, &ring);
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (round (x), plot->origin.y, 1, plot->size.height));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x - HOVER_MARKER, plot->origin.y - HOVER_MARKER,
                                                                 2 * HOVER_MARKER, plot->size.height + 2 * HOVER_MARKER));
  for (guint i = 0; i < self->layers->len; i++)
    {
      HeraldChartLayer *layer = g_ptr_array_index (self->layers, i);
      guint n = herald_chart_layer_get_n_series (layer);
      /* Columns show their value by their top; a dot at the crosshair
       * would sit beside grouped columns and inside stacked ones. */
      gboolean columns = HERALD_IS_COLUMN_LAYER (layer);

      for (guint j = 0; j < n; j++, style++)
        {
          HeraldChartSeries *series = herald_chart_layer_get_series (layer, j);
          guint count = herald_chart_series_get_n_points (series);
          const double *xs = herald_chart_series_get_xs (series);
          const double *ys = herald_chart_series_get_ys (series);
          guint k = herald_chart_nearest_index (xs, count, self->hover_x);
          GdkRGBA color;
          double y;

          if (columns || k == G_MAXUINT || xs[k] != self->hover_x || !isfinite (ys[k]))
            continue;
          y = plot->origin.y + (1 - (ys[k] - self->ctx.y_min) / (self->ctx.y_max - self->ctx.y_min)) * plot->size.height;
          herald_chart_style_get_color (style, self->dark, &color);
          herald_chart_style_marker_path (style, cr, x, y, HOVER_MARKER + 2);
          gdk_cairo_set_source_rgba (cr, &ring);
          cairo_fill (cr);
          herald_chart_style_marker_path (style, cr, x, y, HOVER_MARKER - 1);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_fill (cr);
        }
    }
  cairo_destroy (cr);
}

static void
herald_chart_draw (HeraldChart *self,
                   GtkSnapshot *snapshot,
                   gboolean     with_hover)
{
  guint style = 0;

  if (!self->has_axes && !self->has_funnel)
    {
      GdkRGBA text;
      int w, h;

      herald_chart_style_get_foreground (self->dark, 0.55, &text);
      pango_layout_get_pixel_size (self->empty_layout, &w, &h);
      snapshot_label (snapshot, self->empty_layout, (self->layout_width - w) / 2.0,
                      (self->layout_height - h) / 2.0, &text);
      snapshot_legend (self, snapshot);
      return;
    }

  if (self->has_axes)
    snapshot_axes (self, snapshot);

  for (guint i = 0; i < self->layers->len; i++)
    {
      HeraldChartLayer *layer = g_ptr_array_index (self->layers, i);
      HeraldChartContext ctx = self->ctx;

      ctx.first_style = style;
      herald_chart_layer_snapshot (layer, snapshot, &ctx);
      style += herald_chart_layer_get_n_series (layer);
    }

  snapshot_legend (self, snapshot);

  if (with_hover && self->hover_valid && self->has_axes)
    snapshot_hover (self, snapshot);
}

static void
invalidate (HeraldChart *self)
{
  self->layout_valid = FALSE;
  self->description_valid = FALSE;
  /* Layout runs in size_allocate, before the next snapshot. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
layer_changed_cb (HeraldChartLayer *layer,
                  HeraldChart      *self)
{
  invalidate (self);
}

static void
dark_changed_cb (AdwStyleManager *manager,
                 GParamSpec      *pspec,
                 HeraldChart     *self)
{
  self->layout_valid = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pointer_moved_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HeraldChart              *self)
{
  herald_chart_hover_at (self, x, y);
}

static void
pointer_left_cb (GtkEventControllerMotion *controller,
          HeraldChart              *self)
{
  herald_chart_clear_hover (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HeraldChart           *self)
{
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return herald_chart_hover_step (self, -1);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return herald_chart_hover_step (self, 1);
    case GDK_KEY_Page_Up:
      return herald_chart_hover_step (self, -7);
    case GDK_KEY_Page_Down:
      return herald_chart_hover_step (self, 7);
    case GDK_KEY_Home:
      return herald_chart_hover_step (self, G_MININT);
    case GDK_KEY_End:
      return herald_chart_hover_step (self, G_MAXINT);
    case GDK_KEY_Escape:
      if (!self->hover_valid)
        return FALSE;
      herald_chart_clear_hover (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
tooltip_queried_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  HeraldChart *self = HERALD_CHART (widget);
  g_autofree char *text = NULL;

  /* The motion controller keeps the hover up to date. */
  text = herald_chart_dup_hover_text (self);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
herald_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 480;
    }
  else
    {
      *minimum = 120;
      *natural = 280;
    }
}

static void
herald_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  HeraldChart *self = HERALD_CHART (widget);

  if (!self->layout_valid || width != self->layout_width || height != self->layout_height)
    herald_chart_layout (self, width, height);
}

static void
herald_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  HeraldChart *self = HERALD_CHART (widget);

  /* Normally laid out in size_allocate; this only catches a change
   * between allocation and drawing. */
  ensure_layout (self);
  herald_chart_draw (self, snapshot, TRUE);
}

static void
herald_chart_dispose (GObject *object)
{
  HeraldChart *self = HERALD_CHART (object);

  if (self->layers != NULL)
    {
      for (guint i = 0; i < self->layers->len; i++)
        g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->layers, i), self);
      g_clear_pointer (&self->layers, g_ptr_array_unref);
    }
  g_clear_pointer (&self->x_labels, g_array_unref);
  g_clear_pointer (&self->y_labels, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  g_clear_object (&self->empty_layout);

  G_OBJECT_CLASS (herald_chart_parent_class)->dispose (object);
}

static void
herald_chart_finalize (GObject *object)
{
  HeraldChart *self = HERALD_CHART (object);

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (herald_chart_parent_class)->finalize (object);
}

static void
herald_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HeraldChart *self = HERALD_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DATE_AXIS:
      g_value_set_boolean (value, self->date_axis);
      break;
    case PROP_INTEGER_VALUES:
      g_value_set_boolean (value, self->integer_values);
      break;
    case PROP_PERCENT_VALUES:
      g_value_set_boolean (value, self->percent_values);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HeraldChart *self = HERALD_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      herald_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_DATE_AXIS:
      herald_chart_set_date_axis (self, g_value_get_boolean (value));
      break;
    case PROP_INTEGER_VALUES:
      herald_chart_set_integer_values (self, g_value_get_boolean (value));
      break;
    case PROP_PERCENT_VALUES:
      herald_chart_set_percent_values (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_chart_class_init (HeraldChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_chart_dispose;
  object_class->finalize = herald_chart_finalize;
  object_class->get_property = herald_chart_get_property;
  object_class->set_property = herald_chart_set_property;

  widget_class->measure = herald_chart_measure;
  widget_class->size_allocate = herald_chart_size_allocate;
  widget_class->snapshot = herald_chart_snapshot;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_AXIS] =
    g_param_spec_boolean ("date-axis", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTEGER_VALUES] =
    g_param_spec_boolean ("integer-values", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERCENT_VALUES] =
    g_param_spec_boolean ("percent-values", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "heraldchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
herald_chart_init (HeraldChart *self)
{
  GtkEventController *motion, *key;

  self->layers = g_ptr_array_new_with_free_func (g_object_unref);
  self->date_axis = TRUE;
  self->integer_values = TRUE;
  self->x_labels = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (self->x_labels, clear_label);
  self->y_labels = g_array_new (FALSE, FALSE, sizeof (Label));
  g_array_set_clear_func (self->y_labels, clear_label);
  self->legend = g_array_new (FALSE, FALSE, sizeof (LegendItem));
  g_array_set_clear_func (self->legend, clear_legend_item);
  self->empty_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), _("No data for this period"));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_moved_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (pointer_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  /* Keyboard users read exact values by moving the crosshair with the
   * arrow keys; the tooltip follows it. */
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (tooltip_queried_cb), NULL);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);

  update_description (self);
}

/**
 * herald_chart_new:
 *
 * Returns: (transfer full): an empty chart; add layers with
 *   herald_chart_add_layer().
 */
HeraldChart *
herald_chart_new (void)
{
  return g_object_new (HERALD_TYPE_CHART, NULL);
}

/**
 * herald_chart_add_layer:
 * @self: a chart
 * @layer: a layer, drawn above the ones added before
 *
 * Adds @layer; the chart follows its changes.
 */
void
herald_chart_add_layer (HeraldChart      *self,
                        HeraldChartLayer *layer)
{
  g_return_if_fail (HERALD_IS_CHART (self));
  g_return_if_fail (HERALD_IS_CHART_LAYER (layer));

  g_ptr_array_add (self->layers, g_object_ref (layer));
  g_signal_connect (layer, "changed", G_CALLBACK (layer_changed_cb), self);
  invalidate (self);
}

/**
 * herald_chart_remove_layer:
 * @self: a chart
 * @layer: one of its layers
 *
 * Removes @layer.
 */
void
herald_chart_remove_layer (HeraldChart      *self,
                           HeraldChartLayer *layer)
{
  g_return_if_fail (HERALD_IS_CHART (self));
  g_return_if_fail (HERALD_IS_CHART_LAYER (layer));

  g_signal_handlers_disconnect_by_data (layer, self);
  if (g_ptr_array_remove (self->layers, layer))
    invalidate (self);
}

/**
 * herald_chart_get_n_layers:
 * @self: a chart
 *
 * Returns: how many layers the chart has.
 */
guint
herald_chart_get_n_layers (HeraldChart *self)
{
  g_return_val_if_fail (HERALD_IS_CHART (self), 0);

  return self->layers->len;
}

/**
 * herald_chart_get_title:
 * @self: a chart
 *
 * Returns: (nullable): the chart's title, used in its accessible
 *   description and exports.
 */
const char *
herald_chart_get_title (HeraldChart *self)
{
  g_return_val_if_fail (HERALD_IS_CHART (self), NULL);

  return self->title;
}

/**
 * herald_chart_set_title:
 * @self: a chart
 * @title: (nullable): what the chart shows, such as "Daily opens"
 *
 * Sets the title that screen readers announce.
 */
void
herald_chart_set_title (HeraldChart *self,
                        const char  *title)
{
  g_return_if_fail (HERALD_IS_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title != NULL ? title : "",
                                  -1);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * herald_chart_get_date_axis:
 * @self: a chart
 *
 * Returns: whether x values are #GDate Julian days.
 */
gboolean
herald_chart_get_date_axis (HeraldChart *self)
{
  g_return_val_if_fail (HERALD_IS_CHART (self), FALSE);

  return self->date_axis;
}

/**
 * herald_chart_set_date_axis:
 * @self: a chart
 * @date_axis: whether x values are #GDate Julian days (the default)
 *
 * Chooses between a calendar x axis and a numeric one.
 */
void
herald_chart_set_date_axis (HeraldChart *self,
                            gboolean     date_axis)
{
  g_return_if_fail (HERALD_IS_CHART (self));

  date_axis = !!date_axis;
  if (self->date_axis == date_axis)
    return;

  self->date_axis = date_axis;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_AXIS]);
}

/**
 * herald_chart_get_integer_values:
 * @self: a chart
 *
 * Returns: whether y values are counts.
 */
gboolean
herald_chart_get_integer_values (HeraldChart *self)
{
  g_return_val_if_fail (HERALD_IS_CHART (self), FALSE);

  return self->integer_values;
}

/**
 * herald_chart_set_integer_values:
 * @self: a chart
 * @integer_values: whether y values are counts (the default), so that
 *   the y axis never gets fractional ticks
 *
 * Says whether the y values are counts or real numbers such as rates.
 */
void
herald_chart_set_integer_values (HeraldChart *self,
                                 gboolean     integer_values)
{
  g_return_if_fail (HERALD_IS_CHART (self));

  integer_values = !!integer_values;
  if (self->integer_values == integer_values)
    return;

  self->integer_values = integer_values;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTEGER_VALUES]);
}

/**
 * herald_chart_get_percent_values:
 * @self: a chart
 *
 * Returns: whether y values are rates shown as percentages.
 */
gboolean
herald_chart_get_percent_values (HeraldChart *self)
{
  g_return_val_if_fail (HERALD_IS_CHART (self), FALSE);

  return self->percent_values;
}

/**
 * herald_chart_set_percent_values:
 * @self: a chart
 * @percent_values: whether y values are rates (0.25 for 25 %), shown as
 *   percentages on the axis, in the tooltip, table and description
 *
 * Says whether the y values are rates.  CSV keeps the plain ratios.
 */
void
herald_chart_set_percent_values (HeraldChart *self,
                                 gboolean     percent_values)
{
  g_return_if_fail (HERALD_IS_CHART (self));

  percent_values = !!percent_values;
  if (self->percent_values == percent_values)
    return;

  self->percent_values = percent_values;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT_VALUES]);
}

/**
 * herald_chart_get_axes:
 * @self: a chart
 * @x_min: (out) (optional): the x value at the plot's left edge
 * @x_max: (out) (optional): the x value at the plot's right edge
 * @y_ticks: (out) (optional): the y axis, in percent for a chart with
 *   #HeraldChart:percent-values
 *
 * Returns: whether the chart has axes (data on them).
 */
gboolean
herald_chart_get_axes (HeraldChart     *self,
                       double          *x_min,
                       double          *x_max,
                       HeraldAxisTicks *y_ticks)
{
  g_return_val_if_fail (HERALD_IS_CHART (self), FALSE);

  ensure_layout (self);
  if (x_min != NULL)
    *x_min = self->ctx.x_min;
  if (x_max != NULL)
    *x_max = self->ctx.x_max;
  if (y_ticks != NULL)
    *y_ticks = self->y_ticks;
  return self->has_axes;
}

/**
 * herald_chart_get_plot_area:
 * @self: a chart
 * @plot: (out): the plot area in the chart's coordinates
 *
 * Returns: whether the chart has axes.
 */
gboolean
herald_chart_get_plot_area (HeraldChart     *self,
                            graphene_rect_t *plot)
{
  g_return_val_if_fail (HERALD_IS_CHART (self), FALSE);

  ensure_layout (self);
  *plot = self->ctx.plot;
  return self->has_axes;
}

/**
 * herald_chart_value_to_point:
 * @self: a chart
 * @x: an x value
 * @y: a y value
 * @point: (out): where (@x, @y) is drawn, in the chart's coordinates
 *
 * Returns: whether the chart has axes to map the value with.
 */
gboolean
herald_chart_value_to_point (HeraldChart      *self,
                             double            x,
                             double            y,
                             graphene_point_t *point)
{
  const graphene_rect_t *plot;

  g_return_val_if_fail (HERALD_IS_CHART (self), FALSE);

  ensure_layout (self);
  plot = &self->ctx.plot;
  point->x = plot->origin.x + (x - self->ctx.x_min) / (self->ctx.x_max - self->ctx.x_min) * plot->size.width;
  point->y = plot->origin.y + (1 - (y - self->ctx.y_min) / (self->ctx.y_max - self->ctx.y_min)) * plot->size.height;
  return self->has_axes;
}

/**
 * herald_chart_get_n_x_labels:
 * @self: a chart
 *
 * Returns: how many labels the x axis has at the current size.
 */
guint
herald_chart_get_n_x_labels (HeraldChart *self)
{
  g_return_val_if_fail (HERALD_IS_CHART (self), 0);

  ensure_layout (self);
  return self->x_labels->len;
}

/**
 * herald_chart_get_x_label:
 * @self: a chart
 * @index: below herald_chart_get_n_x_labels()
 * @position: (out) (optional): the label's centre in chart coordinates
 *
 * Returns: the text of an x axis label.
 */
const char *
herald_chart_get_x_label (HeraldChart *self,
                          guint        index,
                          double      *position)
{
  Label *label;

  g_return_val_if_fail (HERALD_IS_CHART (self), NULL);

  ensure_layout (self);
  g_return_val_if_fail (index < self->x_labels->len, NULL);

  label = &g_array_index (self->x_labels, Label, index);
  if (position != NULL)
    *position = self->ctx.plot.origin.x + label->position * self->ctx.plot.size.width;
  return pango_layout_get_text (label->layout);
}

/**
 * herald_chart_hover_at:
 * @self: a chart
 * @x: a pointer position in the chart's coordinates
 * @y: a pointer position
 *
 * What the pointer does: moves the crosshair to the data point nearest
 * to @x.  Outside the plot area the hover is cleared.
 *
 * Returns: whether a point is hovered now.
 */
gboolean
herald_chart_hover_at (HeraldChart *self,
                       double       x,
                       double       y)
{
  const graphene_rect_t *plot;
  double value, best_x = 0, best_distance = G_MAXDOUBLE;
  gboolean found = FALSE;

  g_return_val_if_fail (HERALD_IS_CHART (self), FALSE);

  ensure_layout (self);
  plot = &self->ctx.plot;

  if (!self->has_axes ||
      x < plot->origin.x || x > plot->origin.x + plot->size.width ||
      y < plot->origin.y || y > plot->origin.y + plot->size.height)
    {
      herald_chart_clear_hover (self);
      return FALSE;
    }

  value = self->ctx.x_min + (x - plot->origin.x) / plot->size.width * (self->ctx.x_max - self->ctx.x_min);

  for (guint i = 0; i < self->layers->len; i++)
    {
      HeraldChartLayer *layer = g_ptr_array_index (self->layers, i);
      guint n = herald_chart_layer_get_n_series (layer);

      for (guint j = 0; j < n; j++)
        {
          HeraldChartSeries *series = herald_chart_layer_get_series (layer, j);
          const double *xs = herald_chart_series_get_xs (series);
          guint k = herald_chart_nearest_index (xs, herald_chart_series_get_n_points (series), value);

          if (k != G_MAXUINT && fabs (xs[k] - value) < best_distance)
            {
              best_distance = fabs (xs[k] - value);
              best_x = xs[k];
              found = TRUE;
            }
        }
    }

  if (!found)
    {
      herald_chart_clear_hover (self);
      return FALSE;
    }

  if (!self->hover_valid || self->hover_x != best_x)
    {
      self->hover_valid = TRUE;
      self->hover_x = best_x;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return TRUE;
}

/**
 * herald_chart_clear_hover:
 * @self: a chart
 *
 * Removes the crosshair.
 */
void
herald_chart_clear_hover (HeraldChart *self)
{
  g_return_if_fail (HERALD_IS_CHART (self));

  if (!self->hover_valid)
    return;
  self->hover_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * herald_chart_hover_step:
 * @self: a chart
 * @delta: how many data points to move: −1 for the previous day, 1 for
 *   the next; %G_MININT and %G_MAXINT for the first and the last
 *
 * What the arrow keys do: moves the crosshair from point to point, or
 * puts it on the last point when nothing is hovered.
 *
 * Returns: whether a point is hovered now.
 */
gboolean
herald_chart_hover_step (HeraldChart *self,
                         int          delta)
{
  g_autoptr(GArray) xs = NULL;
  gint64 index;

  g_return_val_if_fail (HERALD_IS_CHART (self), FALSE);

  ensure_layout (self);
  xs = collect_xs (self);
  if (!self->has_axes || xs->len == 0)
    return FALSE;

  if (!self->hover_valid)
    index = delta == G_MININT ? 0 : (gint64) xs->len - 1;
  else
    {
      index = herald_chart_nearest_index ((const double *) (gpointer) xs->data, xs->len, self->hover_x);
      index = CLAMP (index + (gint64) delta, 0, (gint64) xs->len - 1);
    }

  self->hover_valid = TRUE;
  self->hover_x = g_array_index (xs, double, index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  return TRUE;
}

/**
 * herald_chart_get_hover:
 * @self: a chart
 * @x_value: (out) (optional): the hovered x value
 *
 * Returns: whether a point is hovered.
 */
gboolean
herald_chart_get_hover (HeraldChart *self,
                        double      *x_value)
{
  g_return_val_if_fail (HERALD_IS_CHART (self), FALSE);

  if (x_value != NULL)
    *x_value = self->hover_valid ? self->hover_x : 0;
  return self->hover_valid;
}

static gboolean
series_value_at (HeraldChartSeries *series,
                 double             x,
                 double            *y)
{
  guint n = herald_chart_series_get_n_points (series);
  const double *xs = herald_chart_series_get_xs (series);
  guint k = herald_chart_nearest_index (xs, n, x);

  if (k == G_MAXUINT || xs[k] != x)
    return FALSE;
  *y = herald_chart_series_get_ys (series)[k];
  return isfinite (*y);
}

/**
 * herald_chart_dup_hover_text:
 * @self: a chart
 *
 * Returns: (transfer full) (nullable): the tooltip of the hovered point:
 *   the day (or x value) and every series' exact value there, or %NULL
 *   when nothing is hovered.
 */
char *
herald_chart_dup_hover_text (HeraldChart *self)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *x = NULL;

  g_return_val_if_fail (HERALD_IS_CHART (self), NULL);

  if (!self->hover_valid)
    return NULL;

  x = format_x (self, self->hover_x);
  text = g_string_new (x);

  for (guint i = 0; i < self->layers->len; i++)
    {
      HeraldChartLayer *layer = g_ptr_array_index (self->layers, i);
      guint n = herald_chart_layer_get_n_series (layer);

      for (guint j = 0; j < n; j++)
        {
          HeraldChartSeries *series = herald_chart_layer_get_series (layer, j);
          g_autofree char *value = NULL;
          double y;

          value = series_value_at (series, self->hover_x, &y) ? format_value (self, y) : g_strdup (HERALD_NO_VALUE);
          g_string_append_c (text, '\n');
          /* Translators: a line in a chart's tooltip: "Opens: 1,234". */
          g_string_append_printf (text, C_("chart tooltip", "%1$s: %2$s"),
                                  herald_chart_series_get_name (series), value);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * herald_chart_dup_description:
 * @self: a chart
 *
 * Returns: (transfer full): the accessible description: what the chart
 *   shows, over which range, and each series' minimum, maximum and total.
 */
char *
herald_chart_dup_description (HeraldChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  double x_min = 0, x_max = 0, y_min, y_max;
  guint n_series;

  g_return_val_if_fail (HERALD_IS_CHART (self), NULL);

  n_series = count_series (self);
  if (self->title != NULL)
    {
      g_string_append (text, self->title);
      g_string_append (text, ". ");
    }

  for (guint i = 0; i < self->layers->len; i++)
    {
      HeraldChartLayer *layer = g_ptr_array_index (self->layers, i);

      if (HERALD_IS_FUNNEL_LAYER (layer))
        {
          HeraldFunnelLayer *funnel = HERALD_FUNNEL_LAYER (layer);
          guint n = herald_funnel_layer_get_n_steps (funnel);

          for (guint j = 0; j < n; j++)
            {
              g_autofree char *value = herald_funnel_layer_format_step (funnel, j);

              g_string_append_printf (text, C_("chart tooltip", "%1$s: %2$s"),
                                      herald_funnel_layer_get_step_name (funnel, j), value);
              g_string_append (text, j + 1 < n ? "; " : ". ");
            }
        }
    }

  if (n_series == 0 || !data_extents (self, &x_min, &x_max, &y_min, &y_max))
    {
      if (text->len == 0 || n_series > 0)
        g_string_append (text, _("No data for this period."));
      return g_strstrip (g_string_free (g_steal_pointer (&text), FALSE));
    }

  {
    g_autofree char *from = format_x (self, x_min);
    g_autofree char *to = format_x (self, x_max);

    /* Translators: the start of a chart's description for screen
     * readers: "3 series from Thu, 1 Jan 2026 to Thu, 31 Dec 2026." */
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "%1$u series from %2$s to %3$s.",
                                               "%1$u series from %2$s to %3$s.",
                                               n_series),
                            n_series, from, to);
  }

  for (guint i = 0; i < self->layers->len; i++)
    {
      HeraldChartLayer *layer = g_ptr_array_index (self->layers, i);
      guint n = herald_chart_layer_get_n_series (layer);

      for (guint j = 0; j < n; j++)
        {
          HeraldChartSeries *series = herald_chart_layer_get_series (layer, j);
          guint count = herald_chart_series_get_n_points (series);
          const double *ys = herald_chart_series_get_ys (series);
          g_autofree char *lo = NULL;
          g_autofree char *hi = NULL;
          g_autofree char *sum = NULL;
          double total = 0, a, b;

          if (!herald_chart_extent (ys, count, &a, &b))
            continue;
          for (guint k = 0; k < count; k++)
            if (isfinite (ys[k]))
              total += ys[k];
          lo = format_value (self, a);
          hi = format_value (self, b);
          g_string_append_c (text, ' ');
          if (self->percent_values)
            {
              /* Translators: one series of rates in a chart's description
               * for screen readers: "Open rate: from 12.5 % to 31.0 %." */
              g_string_append_printf (text, _("%1$s: from %2$s to %3$s."),
                                      herald_chart_series_get_name (series), lo, hi);
              continue;
            }
          sum = format_value (self, total);
          /* Translators: one series in a chart's description for screen
           * readers: "Opens: from 0 to 1,234, total 56,789." */
          g_string_append_printf (text, _("%1$s: from %2$s to %3$s, total %4$s."),
                                  herald_chart_series_get_name (series), lo, hi, sum);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_description (HeraldChart *self)
{
  g_autofree char *description = herald_chart_dup_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  self->description_valid = TRUE;
}

static char *
raw_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("");
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
}

static char *
raw_x (HeraldChart *self,
       double       x)
{
  if (self->date_axis && g_date_valid_julian ((guint32) x))
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) x);
      return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date));
    }
  return raw_number (x);
}

static void
table_add_row (HeraldChartTable *table,
               GPtrArray        *cells,
               GPtrArray        *raw_cells)
{
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (raw_cells, NULL);
  g_ptr_array_add (table->rows, g_ptr_array_free (cells, FALSE));
  g_ptr_array_add (table->raw_rows, g_ptr_array_free (raw_cells, FALSE));
}

static void
funnel_table (HeraldChart       *self,
              HeraldFunnelLayer *funnel,
              HeraldChartTable  *table)
{
  guint n = herald_funnel_layer_get_n_steps (funnel);
  const char *headers[] = {
    C_("chart table", "Step"), C_("chart table", "Count"),
    C_("chart table", "Rate from previous step"), C_("chart table", "Rate from first step"), NULL
  };

  table->n_columns = 4;
  table->headers = g_strdupv ((char **) headers);

  for (guint i = 0; i < n; i++)
    {
      const HeraldFunnelStep *step = herald_funnel_layer_get_step (funnel, i);
      GPtrArray *cells = g_ptr_array_new ();
      GPtrArray *raw = g_ptr_array_new ();

      g_ptr_array_add (cells, g_strdup (herald_funnel_layer_get_step_name (funnel, i)));
      g_ptr_array_add (raw, g_strdup (herald_funnel_layer_get_step_name (funnel, i)));
      g_ptr_array_add (cells, herald_format_count ((gint64) MIN (step->count, (guint64) G_MAXINT64)));
      g_ptr_array_add (raw, g_strdup_printf ("%" G_GUINT64_FORMAT, step->count));
      g_ptr_array_add (cells, step->has_step_rate ? herald_format_percent (step->step_rate, 1) : g_strdup (HERALD_NO_VALUE));
      g_ptr_array_add (raw, step->has_step_rate ? raw_number (step->step_rate) : g_strdup (""));
      g_ptr_array_add (cells, step->has_total_rate ? herald_format_percent (step->total_rate, 1) : g_strdup (HERALD_NO_VALUE));
      g_ptr_array_add (raw, step->has_total_rate ? raw_number (step->total_rate) : g_strdup (""));
      table_add_row (table, cells, raw);
    }
}

/**
 * herald_chart_dup_table:
 * @self: a chart
 *
 * The chart's numbers as a table: one row per x value (per day) and one
 * column per series; for a funnel, one row per step with its count and
 * rates.  These are exactly the numbers drawn.
 *
 * Returns: (transfer full): the table; free with herald_chart_table_free().
 */
HeraldChartTable *
herald_chart_dup_table (HeraldChart *self)
{
  g_autoptr(HeraldChartTable) table = g_new0 (HeraldChartTable, 1);
  g_autoptr(GArray) xs = NULL;
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  g_autoptr(GPtrArray) series = g_ptr_array_new ();

  g_return_val_if_fail (HERALD_IS_CHART (self), NULL);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->raw_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < self->layers->len; i++)
    {
      HeraldChartLayer *layer = g_ptr_array_index (self->layers, i);

      if (HERALD_IS_FUNNEL_LAYER (layer) && count_series (self) == 0)
        {
          funnel_table (self, HERALD_FUNNEL_LAYER (layer), table);
          return g_steal_pointer (&table);
        }
      for (guint j = 0; j < herald_chart_layer_get_n_series (layer); j++)
        {
          HeraldChartSeries *s = herald_chart_layer_get_series (layer, j);

          g_ptr_array_add (series, s);
        }
    }

  g_ptr_array_add (headers, g_strdup (self->date_axis ? C_("chart table", "Day") : C_("chart table", "Value")));
  for (guint i = 0; i < series->len; i++)
    {
      const char *name = herald_chart_series_get_name (g_ptr_array_index (series, i));

      g_ptr_array_add (headers, g_strdup (name != NULL ? name : ""));
    }
  g_ptr_array_add (headers, NULL);
  table->n_columns = series->len + 1;
  table->headers = (GStrv) g_ptr_array_free (g_steal_pointer (&headers), FALSE);

  /* One row per distinct x, in order. */
  xs = collect_xs (self);
  for (guint i = 0; i < xs->len; i++)
    {
      double x = g_array_index (xs, double, i);
      GPtrArray *cells, *raw;

      cells = g_ptr_array_new ();
      raw = g_ptr_array_new ();
      g_ptr_array_add (cells, format_x (self, x));
      g_ptr_array_add (raw, raw_x (self, x));
      for (guint j = 0; j < series->len; j++)
        {
          double y;

          if (series_value_at (g_ptr_array_index (series, j), x, &y))
            {
              g_ptr_array_add (cells, format_value (self, y));
              g_ptr_array_add (raw, raw_number (y));
            }
          else
            {
              g_ptr_array_add (cells, g_strdup (HERALD_NO_VALUE));
              g_ptr_array_add (raw, g_strdup (""));
            }
        }
      table_add_row (table, cells, raw);
    }

  return g_steal_pointer (&table);
}

/**
 * herald_chart_table_free:
 * @table: (nullable): a table
 *
 * Frees @table.
 */
void
herald_chart_table_free (HeraldChartTable *table)
{
  if (table == NULL)
    return;

  g_strfreev (table->headers);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->raw_rows, g_ptr_array_unref);
  g_free (table);
}

static void
table_cell_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_UINT (user_data) == 0 ? 0 : 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
table_cell_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_list_get_string (row, GPOINTER_TO_UINT (user_data)));
}

/**
 * herald_chart_create_table_view:
 * @self: a chart
 *
 * Builds the "show as table" view of the chart's current data: a
 * #GtkColumnView with the rows of herald_chart_dup_table().  Put it in a
 * #GtkScrolledWindow; build a new one when the data changes.
 *
 * Returns: (transfer floating): the column view.
 */
GtkWidget *
herald_chart_create_table_view (HeraldChart *self)
{
  g_autoptr(HeraldChartTable) table = NULL;
  g_autoptr(GListStore) rows = NULL;
  GtkWidget *view;

  g_return_val_if_fail (HERALD_IS_CHART (self), NULL);

  table = herald_chart_dup_table (self);
  rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  for (guint i = 0; i < table->rows->len; i++)
    {
      g_autoptr(GtkStringList) row = gtk_string_list_new ((const char * const *) g_ptr_array_index (table->rows, i));

      g_list_store_append (rows, row);
    }

  view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title != NULL ? self->title : _("Chart data"), -1);

  for (guint c = 0; c < table->n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (table_cell_setup_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (table_cell_bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (table->headers[c], factory);
      gtk_column_view_column_set_expand (column, c > 0);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }

  return view;
}

/**
 * herald_chart_render_node:
 * @self: a chart
 * @width: the width to render at
 * @height: the height to render at
 *
 * Renders the chart, without hover, at any size: axes, labels and
 * legend are laid out for that size, then for the widget's own again.
 *
 * Returns: (transfer full) (nullable): the render node, %NULL when there
 *   is nothing to draw.
 */
GskRenderNode *
herald_chart_render_node (HeraldChart *self,
                          int          width,
                          int          height)
{
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  GdkRGBA background;

  g_return_val_if_fail (HERALD_IS_CHART (self), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  herald_chart_layout (self, width, height);

  snapshot = gtk_snapshot_new ();
  /* Exports stand alone: give them the window background. */
  if (self->dark)
    background = (GdkRGBA) { 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0, 1 };
  else
    background = (GdkRGBA) { 1, 1, 1, 1 };
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  herald_chart_draw (self, snapshot, FALSE);
  node = gtk_snapshot_free_to_node (snapshot);

  self->layout_valid = FALSE;
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    ensure_layout (self);

  return node;
}

static gboolean
check_exportable (HeraldChart  *self,
                  GError      **error)
{
  double a, b, c, d;

  if (data_extents (self, &a, &b, &c, &d) || self->has_funnel)
    return TRUE;

  g_set_error_literal (error, HERALD_CHART_ERROR, HERALD_CHART_ERROR_EMPTY,
                       _("The chart has no data to export."));
  return FALSE;
}

static gboolean
check_cairo (cairo_status_t   status,
             const char      *path,
             GError         **error)
{
  g_autofree char *display = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  display = g_filename_display_name (path);
  g_set_error (error, HERALD_CHART_ERROR, HERALD_CHART_ERROR_WRITE,
               /* Translators: %1$s is a file name, %2$s the reason. */
               _("Could not write “%1$s”: %2$s"), display, cairo_status_to_string (status));
  return FALSE;
}

/**
 * herald_chart_export_png:
 * @self: a chart
 * @path: the file to write
 * @width: the image's width in pixels
 * @height: the image's height in pixels
 * @error: return location for a #HeraldChartError
 *
 * Writes the chart as a PNG image of @width × @height.
 *
 * Returns: whether the file was written.
 */
gboolean
herald_chart_export_png (HeraldChart  *self,
                         const char   *path,
                         int           width,
                         int           height,
                         GError      **error)
{
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (HERALD_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  if (!check_exportable (self, error))
    return FALSE;

  node = herald_chart_render_node (self, width, height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  return check_cairo (status, path, error);
}

/**
 * herald_chart_export_svg:
 * @self: a chart
 * @path: the file to write
 * @width: the drawing's width in points
 * @height: the drawing's height in points
 * @error: return location for a #HeraldChartError
 *
 * Writes the chart as an SVG drawing: rectangles and curves stay
 * vectors, text becomes glyph outlines.
 *
 * Returns: whether the file was written.
 */
gboolean
herald_chart_export_svg (HeraldChart  *self,
                         const char   *path,
                         int           width,
                         int           height,
                         GError      **error)
{
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (HERALD_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  if (!check_exportable (self, error))
    return FALSE;

  node = herald_chart_render_node (self, width, height);
  surface = cairo_svg_surface_create (path, width, height);
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cr = cairo_create (surface);
      gsk_render_node_draw (node, cr);
      status = cairo_status (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  return check_cairo (status, path, error);
}

static gboolean
write_csv_row (FILE        *file,
               const char **cells,
               guint        n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0 && fputc (',', file) == EOF)
        return FALSE;
      if (csv_fwrite (file, cells[i], strlen (cells[i])) != 0)
        return FALSE;
    }
  /* RFC 4180 ends records with CRLF. */
  return fputs ("\r\n", file) != EOF;
}

/**
 * herald_chart_export_csv:
 * @self: a chart
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes herald_chart_dup_table() as CSV (RFC 4180: every field quoted,
 * CRLF line ends, UTF-8) with machine-readable cells: ISO 8601 days and
 * numbers with a dot, so that spreadsheets in every locale read them.
 *
 * Returns: whether the file was written.
 */
gboolean
herald_chart_export_csv (HeraldChart  *self,
                         const char   *path,
                         GError      **error)
{
  g_autoptr(HeraldChartTable) table = NULL;
  g_autofree char *display = NULL;
  gboolean ok;
  FILE *file;
  int saved_errno;

  g_return_val_if_fail (HERALD_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_exportable (self, error))
    return FALSE;

  table = herald_chart_dup_table (self);
  display = g_filename_display_name (path);

  file = g_fopen (path, "wb");
  if (file == NULL)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%1$s”: %2$s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  ok = write_csv_row (file, (const char **) table->headers, table->n_columns);
  for (guint i = 0; ok && i < table->raw_rows->len; i++)
    ok = write_csv_row (file, g_ptr_array_index (table->raw_rows, i), table->n_columns);
  saved_errno = errno;
  if (fclose (file) != 0 && ok)
    {
      saved_errno = errno;
      ok = FALSE;
    }

  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%1$s”: %2$s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

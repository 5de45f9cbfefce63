/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-campaigns-view.c: the Campaigns view of the main window. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-campaigns-view.h"

struct _HeraldCampaignsView
{
  AdwBin          parent_instance;

  HeraldStore    *store;

  AdwStatusPage  *empty_page;
};

G_DEFINE_FINAL_TYPE (HeraldCampaignsView, herald_campaigns_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
herald_campaigns_view_dispose (GObject *object)
{
  HeraldCampaignsView *self = HERALD_CAMPAIGNS_VIEW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (herald_campaigns_view_parent_class)->dispose (object);
}

static void
herald_campaigns_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HeraldCampaignsView *self = HERALD_CAMPAIGNS_VIEW (object);

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
herald_campaigns_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HeraldCampaignsView *self = HERALD_CAMPAIGNS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      herald_campaigns_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_campaigns_view_class_init (HeraldCampaignsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_campaigns_view_dispose;
  object_class->get_property = herald_campaigns_view_get_property;
  object_class->set_property = herald_campaigns_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HERALD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/herald/Herald/herald-campaigns-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldCampaignsView, empty_page);
}

static void
herald_campaigns_view_init (HeraldCampaignsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * herald_campaigns_view_get_store:
 * @self: the view
 *
 * Returns: (transfer none) (nullable): the store the view shows.
 */
HeraldStore *
herald_campaigns_view_get_store (HeraldCampaignsView *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGNS_VIEW (self), NULL);

  return self->store;
}

/**
 * herald_campaigns_view_set_store:
 * @self: the view
 * @store: (nullable): the store to show
 *
 * Sets the store the view reads from and acts on.
 */
void
herald_campaigns_view_set_store (HeraldCampaignsView *self,
                            HeraldStore    *store)
{
  g_return_if_fail (HERALD_IS_CAMPAIGNS_VIEW (self));
  g_return_if_fail (store == NULL || HERALD_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

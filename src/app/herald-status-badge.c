/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-status-badge.c: a campaign's status as a coloured pill with an
 * icon and the status name, so colour is never the only cue. */

#include "config.h"

#include <glib/gi18n.h>

#include "herald-status-badge.h"

struct _HeraldStatusBadge
{
  GtkWidget             parent_instance;

  HeraldCampaignStatus  status;

  GtkWidget            *icon;
  GtkWidget            *label;
};

G_DEFINE_FINAL_TYPE (HeraldStatusBadge, herald_status_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *status_classes[] = {
  "status-draft", "status-scheduled", "status-running",
  "status-paused", "status-completed", "status-cancelled",
};

static void
update_badge (HeraldStatusBadge *self)
{
  const char *name = herald_campaign_status_get_display_name (self->status);

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), status_classes[i]);
  if ((guint) self->status < G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self), status_classes[self->status]);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon),
                                herald_campaign_status_get_icon_name (self->status));
  gtk_label_set_label (GTK_LABEL (self->label), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
herald_status_badge_dispose (GObject *object)
{
  HeraldStatusBadge *self = HERALD_STATUS_BADGE (object);

  g_clear_pointer (&self->icon, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (herald_status_badge_parent_class)->dispose (object);
}

static void
herald_status_badge_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HeraldStatusBadge *self = HERALD_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_status_badge_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HeraldStatusBadge *self = HERALD_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      herald_status_badge_set_status (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_status_badge_class_init (HeraldStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = herald_status_badge_dispose;
  object_class->get_property = herald_status_badge_get_property;
  object_class->set_property = herald_status_badge_set_property;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       HERALD_TYPE_CAMPAIGN_STATUS,
                       HERALD_CAMPAIGN_STATUS_DRAFT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statusbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
herald_status_badge_init (HeraldStatusBadge *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  gtk_widget_add_css_class (GTK_WIDGET (self), "status-badge");
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  self->icon = gtk_image_new ();
  gtk_image_set_pixel_size (GTK_IMAGE (self->icon), 12);
  gtk_widget_set_parent (self->icon, GTK_WIDGET (self));
  self->label = gtk_label_new (NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  update_badge (self);
}

/**
 * herald_status_badge_new:
 *
 * Returns: (transfer floating): a badge showing a draft.
 */
GtkWidget *
herald_status_badge_new (void)
{
  return g_object_new (HERALD_TYPE_STATUS_BADGE, NULL);
}

/**
 * herald_status_badge_get_status:
 * @self: the badge
 *
 * Returns: the status the badge shows.
 */
HeraldCampaignStatus
herald_status_badge_get_status (HeraldStatusBadge *self)
{
  g_return_val_if_fail (HERALD_IS_STATUS_BADGE (self), HERALD_CAMPAIGN_STATUS_DRAFT);

  return self->status;
}

/**
 * herald_status_badge_set_status:
 * @self: the badge
 * @status: the status to show
 *
 * Shows @status: its colour, its icon and its translated name.
 */
void
herald_status_badge_set_status (HeraldStatusBadge    *self,
                                HeraldCampaignStatus  status)
{
  g_return_if_fail (HERALD_IS_STATUS_BADGE (self));

  if (self->status == status)
    return;
  self->status = status;
  update_badge (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/**
 * herald_campaign_status_get_icon_name:
 * @status: a status
 *
 * Returns: the symbolic icon of @status.
 */
const char *
herald_campaign_status_get_icon_name (HeraldCampaignStatus status)
{
  switch (status)
    {
    case HERALD_CAMPAIGN_STATUS_DRAFT:
      return "document-edit-symbolic";
    case HERALD_CAMPAIGN_STATUS_SCHEDULED:
      return "alarm-symbolic";
    case HERALD_CAMPAIGN_STATUS_RUNNING:
      return "media-playback-start-symbolic";
    case HERALD_CAMPAIGN_STATUS_PAUSED:
      return "media-playback-pause-symbolic";
    case HERALD_CAMPAIGN_STATUS_COMPLETED:
      return "emblem-ok-symbolic";
    case HERALD_CAMPAIGN_STATUS_CANCELLED:
      return "process-stop-symbolic";
    default:
      return "dialog-question-symbolic";
    }
}

/**
 * herald_campaign_type_get_icon_name:
 * @type: a campaign type
 *
 * Returns: the symbolic icon of @type.
 */
const char *
herald_campaign_type_get_icon_name (HeraldCampaignType type)
{
  switch (type)
    {
    case HERALD_CAMPAIGN_TYPE_EMAIL:
      return "mail-unread-symbolic";
    case HERALD_CAMPAIGN_TYPE_SMS:
      return "phone-symbolic";
    case HERALD_CAMPAIGN_TYPE_PUSH:
      return "preferences-system-notifications-symbolic";
    case HERALD_CAMPAIGN_TYPE_SOCIAL:
      return "system-users-symbolic";
    default:
      return "dialog-question-symbolic";
    }
}

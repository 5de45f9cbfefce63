/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-campaign-ops.c: deleting (with undo) and duplicating a campaign,
 * shared by the campaign list and the detail page.
 *
 * Undo of a delete re-saves a snapshot taken before the delete: the
 * campaign with its recipients, events, A/B variants and performance days.
 * A campaign the server already has (synced) comes back as it was, and
 * the "delete" the outbox queued for it is withdrawn; one that never
 * reached the server comes back as a new local record (its "create" is
 * queued again).  Campaigns with more recipients than
 * HERALD_CAMPAIGN_UNDO_MAX_RECIPIENTS are deleted without undo. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "herald-campaign-ops.h"
#include "herald-dialogs.h"
#include "herald-window.h"

struct _HeraldCampaignSnapshot
{
  HeraldStore     *store;
  HeraldCampaign  *campaign;
  GPtrArray       *children;
};

#define PAGE_SIZE 1000

/**
 * herald_campaign_snapshot_new:
 * @store: the store
 * @campaign: a stored campaign
 * @error: return location for an error
 *
 * Copies @campaign and everything that hangs off it, reading the
 * recipients and events page by page.
 *
 * Returns: (transfer full) (nullable): the snapshot, or %NULL with @error
 *   set (also when the campaign is too big to keep for undo).
 */
HeraldCampaignSnapshot *
herald_campaign_snapshot_new (HeraldStore     *store,
                              HeraldCampaign  *campaign,
                              GError         **error)
{
  g_autoptr(HeraldCampaignSnapshot) snapshot = g_new0 (HeraldCampaignSnapshot, 1);
  const char *id = herald_record_get_id (HERALD_RECORD (campaign));
  g_autoptr(GPtrArray) variants = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(HeraldRecipient) last_recipient = NULL;
  g_autoptr(HeraldEvent) last_event = NULL;
  gint64 n_recipients;

  g_return_val_if_fail (HERALD_IS_STORE (store), NULL);
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (campaign), NULL);

  snapshot->store = g_object_ref (store);
  snapshot->campaign = HERALD_CAMPAIGN (herald_record_copy (HERALD_RECORD (campaign)));
  snapshot->children = g_ptr_array_new_with_free_func (g_object_unref);

  n_recipients = herald_store_count_recipients (store, id, -1, NULL, error);
  if (n_recipients < 0)
    return NULL;
  if (n_recipients > HERALD_CAMPAIGN_UNDO_MAX_RECIPIENTS)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The campaign is too big to keep for undo."));
      return NULL;
    }

  for (;;)
    {
      g_autoptr(GPtrArray) page = herald_store_list_recipients (store, id, -1, NULL, last_recipient,
                                                                PAGE_SIZE, error);
      if (page == NULL)
        return NULL;
      if (page->len == 0)
        break;
      g_set_object (&last_recipient, g_ptr_array_index (page, page->len - 1));
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (snapshot->children, g_object_ref (g_ptr_array_index (page, i)));
      if (page->len < PAGE_SIZE)
        break;
    }
  for (;;)
    {
      g_autoptr(GPtrArray) page = herald_store_list_events (store, id, -1, NULL, NULL, last_event,
                                                            PAGE_SIZE, error);
      if (page == NULL)
        return NULL;
      if (page->len == 0)
        break;
      g_set_object (&last_event, g_ptr_array_index (page, page->len - 1));
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (snapshot->children, g_object_ref (g_ptr_array_index (page, i)));
      if (page->len < PAGE_SIZE)
        break;
    }
  variants = herald_store_list_variants (store, id, error);
  if (variants == NULL)
    return NULL;
  for (guint i = 0; i < variants->len; i++)
    g_ptr_array_add (snapshot->children, g_object_ref (g_ptr_array_index (variants, i)));
  days = herald_store_list_performance (store, id, NULL, NULL, error);
  if (days == NULL)
    return NULL;
  for (guint i = 0; i < days->len; i++)
    g_ptr_array_add (snapshot->children, g_object_ref (g_ptr_array_index (days, i)));

  return g_steal_pointer (&snapshot);
}

/**
 * herald_campaign_snapshot_free:
 * @snapshot: a snapshot
 *
 * Frees @snapshot.
 */
void
herald_campaign_snapshot_free (HeraldCampaignSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_object (&snapshot->store);
  g_clear_object (&snapshot->campaign);
  g_clear_pointer (&snapshot->children, g_ptr_array_unref);
  g_free (snapshot);
}

static gboolean
withdraw_delete (HeraldStore  *store,
                 const char   *id,
                 GError      **error)
{
  g_autoptr(GPtrArray) entries = herald_store_list_outbox (store, G_MAXINT, error);

  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      HeraldOutboxEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->entity_id, id) == 0 && g_strcmp0 (entry->op, "delete") == 0
          && entry->attempts == 0
          && !herald_store_remove_outbox_entry (store, entry->seq, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * herald_campaign_snapshot_restore:
 * @snapshot: a snapshot taken before a delete
 * @error: return location for an error
 *
 * Puts the campaign and its records back (see the file comment).
 *
 * Returns: whether everything was restored
 */
gboolean
herald_campaign_snapshot_restore (HeraldCampaignSnapshot  *snapshot,
                                  GError                 **error)
{
  HeraldRecord *campaign = HERALD_RECORD (snapshot->campaign);
  g_autoptr(GPtrArray) children = NULL;

  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (herald_record_get_sync_state (campaign) == HERALD_SYNC_STATE_SYNCED)
    {
      g_autoptr(HeraldRecord) copy = herald_record_copy (campaign);

      if (!withdraw_delete (snapshot->store, herald_record_get_id (campaign), error)
          || !herald_store_save_full (snapshot->store, copy, HERALD_STORE_ORIGIN_REMOTE, error))
        return FALSE;
    }
  else
    {
      g_autoptr(HeraldRecord) copy = herald_record_copy (campaign);

      if (!herald_store_save (snapshot->store, copy, error))
        return FALSE;
    }

  if (snapshot->children->len == 0)
    return TRUE;
  children = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < snapshot->children->len; i++)
    g_ptr_array_add (children, herald_record_copy (g_ptr_array_index (snapshot->children, i)));
  return herald_store_save_many (snapshot->store, children, HERALD_STORE_ORIGIN_REMOTE, error);
}

/**
 * herald_campaign_ops_show_toast:
 * @widget: a widget in a HeraldWindow
 * @toast: (transfer full): the toast
 *
 * Shows @toast in @widget's window.
 */
void
herald_campaign_ops_show_toast (GtkWidget *widget,
                                AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (HERALD_IS_WINDOW (root))
    {
      /* Kept so that tests can press the toast's button. */
      g_object_set_data_full (G_OBJECT (root), "herald-campaign-toast",
                              g_object_ref (toast), g_object_unref);
      herald_window_add_toast (HERALD_WINDOW (root), toast);
    }
  else
    g_object_unref (toast);
}

/* "_Edit" → "Edit" ("__" stays one "_"). */
static char *
strip_mnemonic (const char *label)
{
  GString *s = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/**
 * herald_campaign_ops_name_buttons:
 * @root: a widget
 *
 * Gives every button under @root whose label has a mnemonic the label's
 * text as its accessible name.  GTK 4.8 names such a button with its raw
 * label and then its label widget's text, so a screen reader read
 * "underscore Edit Edit".
 */
void
herald_campaign_ops_name_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root))
      && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    {
      g_autofree char *name = strip_mnemonic (gtk_button_get_label (GTK_BUTTON (root)));

      gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    herald_campaign_ops_name_buttons (child);
}

static void
show_error (GtkWidget  *widget,
            const char *heading,
            GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  herald_dialogs_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                             heading, error->message);
}

typedef struct
{
  GtkWidget      *widget;
  HeraldStore    *store;
  HeraldCampaign *campaign;
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_clear_object (&data->widget);
  g_clear_object (&data->store);
  g_clear_object (&data->campaign);
  g_free (data);
}

static void
undo_delete_cb (AdwToast               *toast,
                HeraldCampaignSnapshot *snapshot)
{
  g_autoptr(GError) error = NULL;

  if (!herald_campaign_snapshot_restore (snapshot, &error))
    g_warning ("Could not restore the campaign: %s", error->message);
}

static void
delete_confirmed_cb (gboolean confirmed,
                     gpointer user_data)
{
  DeleteData *data = user_data;
  g_autoptr(HeraldCampaignSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) snapshot_error = NULL;
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (!confirmed)
    {
      delete_data_free (data);
      return;
    }

  snapshot = herald_campaign_snapshot_new (data->store, data->campaign, &snapshot_error);
  if (!herald_store_delete (data->store, HERALD_RECORD (data->campaign), &error))
    {
      show_error (data->widget, _("Could Not Delete the Campaign"), error);
      delete_data_free (data);
      return;
    }

  /* Translators: %s is a campaign name */
  title = g_strdup_printf (_("“%s” deleted"), herald_campaign_get_name (data->campaign));
  toast = adw_toast_new (title);
  if (snapshot != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb),
                             g_steal_pointer (&snapshot),
                             (GClosureNotify) (void (*) (void)) herald_campaign_snapshot_free, 0);
    }
  herald_campaign_ops_show_toast (data->widget, toast);
  delete_data_free (data);
}

/**
 * herald_campaign_ops_can_delete:
 * @campaign: a campaign
 * @why: (out) (optional) (transfer full): when it cannot be deleted, why
 *   (a sentence for a tooltip or a toast)
 *
 * A campaign the CRM may be sending (scheduled, running, paused) is never
 * deleted from under it: it is unscheduled or cancelled first.  Drafts and
 * finished campaigns (completed, cancelled) can be deleted.
 *
 * Returns: whether @campaign can be deleted
 */
gboolean
herald_campaign_ops_can_delete (HeraldCampaign  *campaign,
                                char           **why)
{
  HeraldCampaignStatus status;
  const char *reason = NULL;

  g_return_val_if_fail (HERALD_IS_CAMPAIGN (campaign), FALSE);

  status = herald_campaign_get_status (campaign);
  switch (status)
    {
    case HERALD_CAMPAIGN_STATUS_SCHEDULED:
      reason = _("Unschedule the campaign before deleting it");
      break;
    case HERALD_CAMPAIGN_STATUS_RUNNING:
    case HERALD_CAMPAIGN_STATUS_PAUSED:
      reason = _("Cancel the campaign before deleting it: it is still sending");
      break;
    case HERALD_CAMPAIGN_STATUS_DRAFT:
    case HERALD_CAMPAIGN_STATUS_COMPLETED:
    case HERALD_CAMPAIGN_STATUS_CANCELLED:
    default:
      break;
    }
  if (why != NULL)
    *why = g_strdup (reason);
  return reason == NULL;
}

/**
 * herald_campaign_ops_delete:
 * @widget: the widget asking (for the dialog's parent and the toast)
 * @store: the store
 * @campaign: the campaign to delete
 *
 * Asks whether to delete @campaign, deletes it and offers undo.  A
 * campaign that cannot be deleted (herald_campaign_ops_can_delete()) is
 * not: a toast says why.
 */
void
herald_campaign_ops_delete (GtkWidget      *widget,
                            HeraldStore    *store,
                            HeraldCampaign *campaign)
{
  DeleteData *data;
  GtkRoot *root;
  g_autofree char *heading = NULL;
  g_autofree char *why = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (HERALD_IS_STORE (store));
  g_return_if_fail (HERALD_IS_CAMPAIGN (campaign));

  if (!herald_campaign_ops_can_delete (campaign, &why))
    {
      herald_campaign_ops_show_toast (widget, adw_toast_new (why));
      return;
    }

  data = g_new0 (DeleteData, 1);
  data->widget = g_object_ref (widget);
  data->store = g_object_ref (store);
  data->campaign = HERALD_CAMPAIGN (herald_record_copy (HERALD_RECORD (campaign)));
  root = gtk_widget_get_root (widget);
  /* Translators: %s is a campaign name */
  heading = g_strdup_printf (_("Delete “%s”?"), herald_campaign_get_name (campaign));
  herald_dialogs_confirm (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                          heading,
                          _("The campaign, its recipients and its activity are removed from this computer and, at the next sync, from the CRM."),
                          _("_Delete"), TRUE, delete_confirmed_cb, data);
}

static void
undo_duplicate_cb (AdwToast       *toast,
                   HeraldCampaign *copy)
{
  HeraldStore *store = g_object_get_data (G_OBJECT (toast), "store");
  g_autoptr(GError) error = NULL;

  if (!herald_store_delete (store, HERALD_RECORD (copy), &error))
    g_warning ("Could not remove the copy: %s", error->message);
}

/**
 * herald_campaign_ops_duplicate:
 * @widget: the widget asking (for the toast)
 * @store: the store
 * @campaign: the campaign to copy
 *
 * Saves a new draft with @campaign's content, audience, sender and budget
 * (no counts, no schedule) and offers undo.
 *
 * Returns: (transfer full) (nullable): the new campaign
 */
HeraldCampaign *
herald_campaign_ops_duplicate (GtkWidget      *widget,
                               HeraldStore    *store,
                               HeraldCampaign *campaign)
{
  g_autoptr(HeraldCampaign) copy = herald_campaign_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (HERALD_IS_STORE (store), NULL);
  g_return_val_if_fail (HERALD_IS_CAMPAIGN (campaign), NULL);

  /* Translators: the name of a copied campaign; %s is the original's name */
  name = g_strdup_printf (_("%s (Copy)"), herald_campaign_get_name (campaign));
  if (g_utf8_strlen (name, -1) > 200)
    {
      g_free (name);
      name = g_strdup (herald_campaign_get_name (campaign));
    }
  g_object_set (copy,
                "name", name,
                "description", herald_campaign_get_description (campaign),
                "type", herald_campaign_get_campaign_type (campaign),
                "segment-id", herald_campaign_get_segment_id (campaign),
                "template-id", herald_campaign_get_template_id (campaign),
                "budget", herald_campaign_get_budget (campaign),
                "currency", herald_campaign_get_currency (campaign),
                "target-count", herald_campaign_get_target_count (campaign),
                "preheader", herald_campaign_get_preheader (campaign),
                "from-name", herald_campaign_get_from_name (campaign),
                "from-address", herald_campaign_get_from_address (campaign),
                "reply-to", herald_campaign_get_reply_to (campaign),
                "ab-test-percent", herald_campaign_get_ab_test_percent (campaign),
                "ab-winner-metric", herald_campaign_get_ab_winner_metric (campaign),
                "ab-wait-hours", herald_campaign_get_ab_wait_hours (campaign),
                "ab-auto-send-winner", herald_campaign_get_ab_auto_send_winner (campaign),
                "ab-confidence-level", herald_campaign_get_ab_confidence_level (campaign),
                NULL);
  if (!herald_store_save (store, HERALD_RECORD (copy), &error))
    {
      show_error (widget, _("Could Not Duplicate the Campaign"), error);
      return NULL;
    }

  /* Translators: %s is the new campaign's name */
  title = g_strdup_printf (_("“%s” created"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (store), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_duplicate_cb),
                         herald_record_copy (HERALD_RECORD (copy)),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  herald_campaign_ops_show_toast (widget, toast);
  return g_steal_pointer (&copy);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-about.c: the About window.
 *
 * AdwAboutWindow is replaced by AdwAboutDialog in later libadwaita; keeping
 * it behind this one function makes that port local.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "herald.h"
#include "herald-about.h"

/**
 * herald_about_show:
 * @parent: (nullable): the window to be transient for
 *
 * Presents the About window.
 *
 * Returns: (transfer none): the window, owned by GTK until it is closed.
 */
GtkWindow *
herald_about_show (GtkWindow *parent)
{
  static const char *developers[] = {
    "The Herald developers",
    NULL
  };
  static const char *designers[] = {
    "The Herald developers",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "application-name", _("Herald"),
                        "application-icon", APPLICATION_ID,
                        "version", herald_version (),
                        "developer-name", _("The Herald developers"),
                        "comments", _("Plan, write and measure email, SMS, push and social campaigns, offline first."),
                        "website", "https://github.com/herald/herald",
                        "issue-url", "https://github.com/herald/herald/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Herald developers",
                        "developers", developers,
                        "designers", designers,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("E-mail test corpus"),
                                                (const char *[]) {
                                                  "Lee Munroe https://github.com/leemunroe/responsive-html-email-template",
                                                  "Mailchimp Email Blueprints https://github.com/mailchimp/email-blueprints",
                                                  NULL
                                                });
  gtk_window_present (GTK_WINDOW (about));

  return GTK_WINDOW (about);
}

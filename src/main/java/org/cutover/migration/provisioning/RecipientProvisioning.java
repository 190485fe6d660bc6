package org.cutover.migration.provisioning;

import java.time.Instant;

/**
 * A recipient's provisioning status at the target as last checked.
 *
 * @param missing what is missing, one item a line ("alias sales@contoso.com"), empty when nothing
 */
public record RecipientProvisioning(
    String recipientId, ProvisioningStatus status, String missing, Instant checkedAt) {}

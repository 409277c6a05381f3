package org.fupin.accounts.api;

import java.util.Optional;

import org.fupin.registry.api.AccessDeniedException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.api.ConflictException;
import org.fupin.registry.api.Page;
import org.fupin.registry.api.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Users, administered within the administrator's own scope: province and county administrators create, list,
 * disable and enable users whose region lies inside their own; a user outside it behaves as if it did not exist.
 * Administrators grant no role above their own level (a county administrator makes no province administrator).
 * Every change is audited.
 */
@ProviderType
public interface Accounts {
    /**
     * Creates a user.
     *
     * @throws ValidationException a field is missing or wrong (user name form, password length, unknown region,
     *         a region outside the administrator's, a role that needs another region level, no agency for a
     *         program officer)
     * @throws ConflictException {@code username_taken}
     * @throws AccessDeniedException the actor administers no users, or may not grant a role
     */
    Account create(NewAccount account, Actor actor);

    /** Users in the actor's scope, by user name, 0-based pages. */
    Page<Account> list(int page, int size, Actor actor);

    Optional<Account> find(String username, Actor actor);

    /**
     * Lets a user sign in again, or stops them; disabling also ends every session they have.
     *
     * @throws ConflictException {@code cannot_disable_self}
     */
    Account setEnabled(String username, boolean enabled, Actor actor);

    /**
     * Changes a user's display name, region, agency or roles, with the rules of {@link #create} applied to the
     * result; the administrator must be able to grant every role the user has and gets. A change of region, agency
     * or roles ends the user's sessions (what they may see changed).
     *
     * @throws ValidationException a resulting field is wrong
     * @throws org.fupin.registry.api.NotFoundException no such user in the actor's scope
     * @throws AccessDeniedException the actor may not manage this user or grant a role
     * @throws ConflictException {@code cannot_change_self}: one's own region, agency or roles
     */
    Account change(String username, AccountChange change, Actor actor);

    /**
     * Gives a user a new password that they must change at their next sign-in (until then they may only change it,
     * see themselves and sign out); ends their sessions and lifts a lock after failed sign-ins.
     *
     * @throws ValidationException the password breaks the password rules
     * @throws ConflictException {@code cannot_reset_self}: administrators change their own password themselves
     */
    void resetPassword(String username, String temporaryPassword, Actor actor);

    /** Lifts the lock that repeated failed sign-ins put on a user's account (not on an address). */
    void unlock(String username, Actor actor);

    /**
     * Changes the actor's own password after checking the current one; ends their other sessions. A wrong
     * current password counts as a failed sign-in of the account.
     *
     * @throws ValidationException the current password is wrong or the new one breaks the password rules
     * @throws LoginRefusedException the account is locked after repeated failures
     */
    void changePassword(Actor actor, String currentPassword, String newPassword, String keepToken);
}

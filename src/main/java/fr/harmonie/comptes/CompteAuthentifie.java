package fr.harmonie.comptes;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Le compte tel que Spring Security le voit, avec l'utilisateur métier qui bornera chaque requête. */
public record CompteAuthentifie(Utilisateur utilisateur, String motDePasse, boolean actif) implements UserDetails {

    /** A token's principal: its organisation's, always active (a revoked token never gets this far). */
    static CompteAuthentifie duJeton(Utilisateur utilisateur) {
        return new CompteAuthentifie(utilisateur, "", true);
    }

    /** Spring Security refuses a deactivated account before it even compares the password. */
    @Override
    public boolean isEnabled() {
        return actif;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + utilisateur.role().name()));
    }

    @Override
    public String getPassword() {
        return motDePasse;
    }

    @Override
    public String getUsername() {
        return utilisateur.identifiant();
    }
}

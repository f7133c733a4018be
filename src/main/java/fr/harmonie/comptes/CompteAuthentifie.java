package fr.harmonie.comptes;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** Le compte tel que Spring Security le voit, avec l'utilisateur métier qui bornera chaque requête. */
public record CompteAuthentifie(Utilisateur utilisateur, String motDePasse) implements UserDetails {

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

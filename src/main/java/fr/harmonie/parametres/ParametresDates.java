package fr.harmonie.parametres;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Les paramètres d'un pack, par clé, et ceux de ses parents: là où le pack le plus spécifique n'a pas de valeur en
 * vigueur à la date demandée, celle du parent s'applique. Immuable.
 */
public final class ParametresDates {

    public static final ParametresDates VIDE = new ParametresDates(Map.of(), null);

    private final Map<String, Parametre> parametres;
    private final ParametresDates parent;

    public ParametresDates(Map<String, Parametre> parametres) {
        this(parametres, null);
    }

    private ParametresDates(Map<String, Parametre> parametres, ParametresDates parent) {
        this.parametres = Collections.unmodifiableMap(new LinkedHashMap<>(parametres));
        this.parent = parent;
    }

    public ValeurDatee valeur(String cle, LocalDate date) {
        Parametre p = parametres.get(cle);
        ValeurDatee v = p == null ? null : p.enVigueurLe(date);
        if (v == null && parent != null) {
            return parent.valeur(cle, date);
        }
        return v;
    }

    /** Les paramètres propres à ce pack, sans ceux des parents. */
    public Map<String, Parametre> propres() {
        return parametres;
    }

    /** Ce pack placé sous {@code parent} dans une chaîne. */
    public ParametresDates sous(ParametresDates parent) {
        return new ParametresDates(parametres, parent);
    }
}

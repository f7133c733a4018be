/** Ce que toutes les API partagent: corps bornés et erreurs RFC 9457 (problem+json) en français. */
package fr.harmonie.web;

package net.nsglobal.dashboard.web;

/**
 * A group of routes with one job (the sign-up forms, the JSON API, the operators' pages, …), mounted by
 * {@link WebApp}. A module registers its routes through the {@link Mount} it is given, each behind the guard it
 * chooses ({@link Mount#guarded}), so no route of it can be reached without that guard.
 */
interface WebModule {
    void mount(Mount routes);
}

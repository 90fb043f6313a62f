namespace Jewelry.MesApi.Pricing;

/// <summary>The model store could not be reached or refused to store a model; trying later may work.</summary>
public sealed class ModelStoreUnavailableException(Exception inner)
    : Exception("The model store is unavailable.", inner);

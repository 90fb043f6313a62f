namespace Jewelry.MesApi.Domain;

public enum PriceCalculationStatus
{
    Succeeded,

    Failed,
}

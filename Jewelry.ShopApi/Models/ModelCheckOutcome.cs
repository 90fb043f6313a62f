namespace Jewelry.ShopApi.Models;

public enum ModelCheckOutcome
{
    Printable,
    NotStl,
    NotPrintable,
}

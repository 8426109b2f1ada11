-- Reserved for engagements; replaced by the module's schema when it lands.
SELECT 1;
